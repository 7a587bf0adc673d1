#!/usr/bin/env node
import {flush, handle, run} from '@oclif/core'

import {redactSecrets} from '../dist/lib/util/redact.js'

// errors raised outside a command (an unknown command, a topic) are redacted too (see src/lib/util/redact.ts)
await run(process.argv.slice(2), import.meta.url)
  .then(() => flush())
  .catch((error) => {
    if (error && typeof error.message === 'string') error.message = redactSecrets(error.message)
    if (error && typeof error.stack === 'string') error.stack = redactSecrets(error.stack)
    return handle(error)
  })
