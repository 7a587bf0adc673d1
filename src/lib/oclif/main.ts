/**
 * What bin/run.js runs, from the bundle (scripts/build.js): oclif's run, flush and handle, and the redaction
 * applied to errors raised outside a command (an unknown command, a topic; see src/lib/util/redact.ts).
 */
export {flush, handle, run} from '@oclif/core'
export {redactSecrets} from '../util/redact.js'
