import {type CliError, ExitCode} from '../util/errors.js'

/**
 * Agent mode (`--mode agent` or env CLERK_ADMIN_MODE=agent): never prompt, JSON output by default, and
 * errors as one JSON object on stderr: {"error": {"code", "message", "hint", "exit"}}. Read from argv
 * directly so that errors raised while parsing flags are rendered the same way.
 */
export function isAgentMode(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break
    if (argv[i] === '--mode') return argv[i + 1] === 'agent'
    if (argv[i].startsWith('--mode=')) return argv[i].slice(7) === 'agent'
  }
  return env.CLERK_ADMIN_MODE === 'agent'
}

/** A stable code for an error: BAPI's own code when there is one, else one from the exit code. */
function codeFor(e: CliError, exit: number): string {
  if (/^network error/.test(e.message)) return 'network_error'
  if (e.extra.code) return e.extra.code
  switch (exit) {
    case ExitCode.USAGE:
      return 'usage_error'
    case ExitCode.UNAUTHENTICATED:
      return 'unauthenticated'
    case ExitCode.FORBIDDEN:
      return 'forbidden'
    case ExitCode.PARTIAL:
      return 'partial_failure'
    case ExitCode.INTERRUPTED:
      return 'interrupted'
    default:
      return 'failure'
  }
}

/** The command line that would confirm a refused write: this one with --yes (secrets left out). */
export function confirmingCommandLine(argv: string[] = process.argv.slice(2), bin = 'clerk'): string {
  const out: string[] = [bin]
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--secret-key') {
      i++
      continue
    }
    if (a.startsWith('--secret-key=')) continue
    out.push(/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)
  }
  if (!argv.includes('--yes')) out.push('--yes')
  return out.join(' ')
}

/** The one JSON line agent mode writes on stderr for an error (already redacted by `redact`). */
export function agentErrorLine(e: CliError, exit: number, redact: (s: string) => string, bin?: string): string {
  const error: Record<string, unknown> = {
    code: codeFor(e, exit),
    message: redact(e.message),
    hint: e.extra.hint ? redact(e.extra.hint) : null,
    exit,
  }
  if (e.extra.status !== undefined) error.status = e.extra.status
  if (e.extra.traceId) error.trace_id = e.extra.traceId
  if (e.extra.code === 'confirmation_required') {
    error.preview = {
      ...(e.extra.preview ?? {}),
      confirm_with: redact(confirmingCommandLine(process.argv.slice(2), bin)),
    }
  }
  return `${JSON.stringify({error})}\n`
}
