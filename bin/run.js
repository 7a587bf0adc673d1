#!/usr/bin/env node
import module from 'node:module'
import v8 from 'node:v8'

// Node's fetch (undici) parses HTTP with a WebAssembly build of llhttp. V8 tiers that module up with its
// optimising compiler in the background, and the process cannot exit until that compile finishes: ~0.1-1 s
// of idle tail after the last output on every command that made a request. The baseline compiler alone
// parses our small JSON responses just as well; set before the first request, so it covers every compile.
// Not for --jq/--filter: jq itself runs in WebAssembly, and it needs the optimising tier on long streams.
if (!process.argv.some((a) => a === '--jq' || a === '--filter' || a.startsWith('--jq=') || a.startsWith('--filter='))) {
  v8.setFlagsFromString('--liftoff-only')
  globalThis.clerkAdminV8Flags = 'liftoff-only'
}
// Node >= 22.1: cache the compiled code of our own modules (and our dependencies') between runs.
module.enableCompileCache?.()

// oclif itself comes from the bundle (scripts/build.js), the same copy the commands in dist/ extend
const {flush, handle, run, redactSecrets} = await import('../dist/lib/oclif/main.js')

// errors raised outside a command (an unknown command, a topic) are redacted too (see src/lib/util/redact.ts)
await run(process.argv.slice(2), import.meta.url)
  .then(() => flush())
  .catch((error) => {
    if (error && typeof error.message === 'string') error.message = redactSecrets(error.message)
    if (error && typeof error.stack === 'string') error.stack = redactSecrets(error.stack)
    return handle(error)
  })
