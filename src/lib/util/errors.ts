/** Exit codes: one table for the whole CLI (documented in the README). */
export const ExitCode = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  UNAUTHENTICATED: 3,
  FORBIDDEN: 4,
  PARTIAL: 5,
  /** `clerk instance diff`: the file differs from the instance (like diff(1)'s 1, which is our failure) */
  DIFFERENCES: 6,
  INTERRUPTED: 130,
} as const
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

/** An error meant for the user: one line, an exit code, and optionally what to do about it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.FAILURE,
    readonly extra: {
      hint?: string
      code?: string
      status?: number
      traceId?: string
      /** a refused write: what it would have done (agent mode prints it) */
      preview?: Record<string, unknown>
    } = {},
  ) {
    super(message)
    this.name = 'CliError'
  }
}

export const usageError = (message: string, hint?: string) => new CliError(message, ExitCode.USAGE, {hint})

interface ApiErrorLike {
  status?: number
  clerkTraceId?: string
  errors?: Array<{code?: string; message?: string; longMessage?: string; long_message?: string}>
  message?: string
}

function isApiError(err: unknown): err is ApiErrorLike & Error {
  return typeof err === 'object' && err !== null && 'errors' in err && Array.isArray((err as ApiErrorLike).errors)
}

/** CliError.extra.code for a request that never got an answer (whoami tells it apart from a rejected key). */
export const NETWORK_ERROR_CODE = 'network_error'
const NETWORK_HINT =
  'check the API URL (--api-url, CLERK_API_URL or the profile; `clerk whoami` shows the one in use), ' +
  'your network or proxy, and for the emulator that `clerk emulator start` is running'

export function exitCodeForStatus(status: number | undefined): number {
  if (status === 401) return ExitCode.UNAUTHENTICATED
  if (status === 403) return ExitCode.FORBIDDEN
  return ExitCode.FAILURE
}

/** Turn anything thrown (ClerkAPIResponseError, our ApiError, oclif parse errors, Node errors) into a CliError. */
export function toCliError(err: unknown): CliError {
  if (err instanceof CliError) return err
  if (isApiError(err)) {
    const first = err.errors?.[0]
    const detail = first?.longMessage ?? first?.long_message ?? first?.message ?? err.message ?? 'request failed'
    const status = err.status
    if (status === undefined) {
      // the transport's own words name the host (`cannot reach https://...: ...`); anything else is marked
      const reached = /^(cannot reach|no answer from) /.test(detail)
      return new CliError(reached ? detail : `network error: ${detail}`, ExitCode.FAILURE, {
        code: NETWORK_ERROR_CODE,
        hint: NETWORK_HINT,
      })
    }
    const trace = err.clerkTraceId ? `, trace ${err.clerkTraceId}` : ''
    const code = first?.code ? ` ${first.code}` : ''
    const hint = status === 401 ? 'check CLERK_SECRET_KEY (or --profile) and the API URL' : undefined
    return new CliError(`${detail} (HTTP ${status}${code}${trace})`, exitCodeForStatus(status), {
      code: first?.code,
      status,
      traceId: err.clerkTraceId,
      hint,
    })
  }
  const e = err as {message?: string; oclif?: {exit?: number}; code?: string}
  if (e?.oclif?.exit !== undefined) {
    // oclif's own parse errors (unknown flag, missing arg, bad option) are usage errors
    // the whole reason on one line (the argument, the range, the value), without oclif's help trailer
    const reason = oneLine(String(e.message ?? '')) || 'invalid usage'
    return new CliError(reason, e.oclif.exit === 1 ? ExitCode.USAGE : e.oclif.exit, {hint: 'see --help'})
  }
  return new CliError(e?.message ? oneLine(String(e.message)) : String(err), ExitCode.FAILURE)
}

/** A multi-line message as one line: trimmed lines joined, oclif's "See more help with --help" dropped. */
export function oneLine(message: string): string {
  return message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^See more help with/i.test(l))
    .join(' ')
}
