#!/usr/bin/env node
import module from 'node:module'
import v8 from 'node:v8'

// Node's fetch (undici) parses HTTP with a WebAssembly build of llhttp. V8 tiers that module up with its
// optimising compiler in the background, and the process cannot exit until that compile finishes: ~0.1-1 s
// of idle tail after the last output on every command that made a request. The baseline compiler alone
// parses our small JSON responses just as well; set before the first request, so it covers every compile.
// Not for --jq/--filter: jq itself runs in WebAssembly, and it needs the optimising tier on long streams.
const flags = []
if (!process.argv.some((a) => a === '--jq' || a === '--filter' || a.startsWith('--jq=') || a.startsWith('--filter='))) {
  flags.push('liftoff-only')
}
// V8 doubles the young generation each time much of it survives a scavenge, up to 2 x 16 MB: a long bulk
// run or export (many requests in flight, pages of JSON) ends up holding ~30 MB more than it uses. Kept at
// its first size, peak RSS fell 134 -> 108 MB (5,000-row import) and 131 -> 99 MB (100k-user export), for
// ~10 % more CPU on the export. Not when NODE_OPTIONS sizes the young generation itself.
// (--max-semi-space-size is the only young-generation flag NODE_OPTIONS accepts)
if (!(process.env.NODE_OPTIONS ?? '').includes('--max-semi-space-size')) {
  flags.push('semi-space-growth-factor=1')
}
for (const flag of flags) v8.setFlagsFromString(`--${flag}`)
// the code cache (src/lib/oclif/code-cache.ts) is kept per set of V8 flags: V8 rejects another set's
globalThis.clerkAdminV8Flags = flags.join('+') || 'default'
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
