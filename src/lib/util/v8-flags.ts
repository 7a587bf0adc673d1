/**
 * The V8 flags bin/run.js sets at start-up (globalThis.clerkAdminV8Flags, `+`-separated), set again: Node
 * puts V8's flags back to their start-up values when a worker thread starts, so the main thread's young
 * generation grew to 2 x 16 MB again as soon as `users export --jq` started jq's thread (peak RSS
 * 124 MB with the flags set again, 151 MB without).
 */
import v8 from 'node:v8'

export function reapplyV8Flags(): void {
  const flags = (globalThis as {clerkAdminV8Flags?: string}).clerkAdminV8Flags
  if (!flags || flags === 'default') return
  for (const flag of flags.split('+')) v8.setFlagsFromString(`--${flag}`)
}
