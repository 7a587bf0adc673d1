/**
 * The process-wide safety state behind two promises, set by the base command and read where they are
 * enforced (see src/lib/oclif/command.ts and src/lib/output/prompts.ts):
 *
 * - `dryRun`: --dry-run / --validate-only was given. No request that changes anything may leave the
 *   process (the shared client refuses it), and confirmations are not asked (nothing will happen).
 * - `confirmed`: a destructive action was confirmed (a prompt answered, or --yes). A command declared
 *   destructive may send a changing request only after that.
 */
export const safetyState = {dryRun: false, confirmed: false}

/** What a command does, declared by every command class (`static safety = ...`). */
export type Safety = 'read' | 'write' | 'destructive'
export const SAFETY_LEVELS: readonly Safety[] = ['read', 'write', 'destructive']

/** A request that changes nothing: GET/HEAD, and token verification (POST …/verify reads only). */
export function isReadRequest(method: string, url: string): boolean {
  const m = method.toUpperCase()
  return m === 'GET' || m === 'HEAD' || /\/verify(\?|$)/.test(url)
}
