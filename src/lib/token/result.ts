/**
 * One verification outcome, for people and scripts: the Auth object @clerk/backend gives a backend
 * (`getAuth()`), whether the token is valid, why not, and the `has()` checks asked for.
 */
import {ExitCode} from '../util/errors.js'
import {expiryText, isoDate} from './time.js'

export const ACCEPTS = ['session_token', 'api_key', 'm2m_token', 'oauth_token', 'any'] as const
export type Accepts = (typeof ACCEPTS)[number]

export const CHECK_KINDS = ['permission', 'role', 'feature', 'plan'] as const
export type CheckKind = (typeof CHECK_KINDS)[number]
export type Checks = Record<CheckKind, string[]>

export interface VerifyOptions {
  acceptsToken: Accepts
  authorizedParties?: string[]
  audience?: string[]
  clockSkewInMs?: number
  /** accept sessions with pending tasks (`sts: pending`); by default they are signed out, as in the SDK */
  allowPending: boolean
  checks: Checks
}

export type Status = 'signed-in' | 'signed-out' | 'forbidden' | 'error'

export interface TokenResult {
  valid: boolean
  status: Status
  /** why not valid: the SDK's verification reason (token-expired, token-invalid-signature, ...) or a check */
  reason: string | null
  message: string | null
  /** the reason exactly as authenticateRequest reported it, when it differs */
  sdkReason?: string
  tokenType: string | null
  [field: string]: unknown
}

/** Reasons that mean "could not check", not "the token is bad": exit 1, not 3. */
const FAILURES = new Set([
  'jwk-remote-failed-to-load',
  'jwk-remote-missing',
  'jwk-failed-to-resolve',
  'unexpected-error',
  'unexpected_error',
])

const SESSION_FIELDS = [
  'userId',
  'sessionId',
  'sessionStatus',
  'orgId',
  'orgRole',
  'orgSlug',
  'orgPermissions',
  'actor',
  'factorVerificationAge',
]
const MACHINE_FIELDS = ['id', 'subject', 'name', 'userId', 'orgId', 'machineId', 'clientId', 'scopes']

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AuthObject = Record<string, any> & {
  isAuthenticated: boolean
  tokenType: string | null
  has?: (p: Record<string, string>) => boolean
}

export function signedOutResult(
  reason: string,
  message: string | null,
  tokenType: string | null = 'session_token',
  sdkReason?: string,
): TokenResult {
  const r: TokenResult = {
    valid: false,
    status: FAILURES.has(reason) ? 'error' : 'signed-out',
    reason,
    message: message || null,
    tokenType,
  }
  if (sdkReason && sdkReason !== reason) r.sdkReason = sdkReason
  return r
}

/**
 * The SDK's signed-out state carries `reason` and, for token errors, a message ending in
 * "(reason=token-expired, token-carrier=header)": report that underlying reason (the state's own can be
 * e.g. "session-token-expired-refresh-non-eligible-no-cookie") and the message without the suffix.
 */
export function fromSignedOut(reason: string | null, message: string | null, tokenType: string | null): TokenResult {
  const inner = /\(reason=([\w-]+), token-carrier=\w+\)$/.exec(message ?? '')
  const clean = (message ?? '').replace(/\s*\((?:reason|code)=[^)]*\)$/, '') || null
  const code = /\(code=([\w-]+), status=/.exec(message ?? '')
  return signedOutResult(inner?.[1] ?? code?.[1] ?? reason ?? 'signed-out', clean, tokenType, reason ?? undefined)
}

/** From an Auth object (`requestState.toAuth(...)`), with the `has()` checks applied. */
export function fromAuth(auth: AuthObject, options: VerifyOptions): TokenResult {
  const session = auth.tokenType === 'session_token'
  if (!auth.isAuthenticated) {
    if (session && auth.sessionStatus === 'pending') {
      return {
        ...signedOutResult(
          'session-pending',
          'the session has pending tasks (sts: pending); --allow-pending accepts it',
        ),
        sessionStatus: 'pending',
      }
    }
    return signedOutResult('signed-out', null, auth.tokenType)
  }
  const r: TokenResult = {valid: true, status: 'signed-in', reason: null, message: null, tokenType: auth.tokenType}
  for (const f of session ? SESSION_FIELDS : MACHINE_FIELDS) if (f in auth) r[f] = auth[f] ?? null
  const claims = session ? auth.sessionClaims : auth.claims
  const exp = session ? claims?.exp : undefined
  r.expiresAt = typeof exp === 'number' ? isoDate(exp) : null
  r.expires = typeof exp === 'number' ? expiryText(exp) : null
  const checks: Array<{check: CheckKind; value: string; ok: boolean}> = []
  for (const kind of CHECK_KINDS) {
    for (const value of options.checks[kind]) {
      let ok = false
      try {
        ok = Boolean(auth.has?.({[kind]: value}))
      } catch {}
      checks.push({check: kind, value, ok})
    }
  }
  if (checks.length) r.checks = checks
  const failed = checks.filter((c) => !c.ok)
  if (failed.length) {
    r.valid = false
    r.status = 'forbidden'
    r.reason = `missing-${failed[0].check}`
    r.message = `has() failed for ${failed.map((c) => `${c.check} ${c.value}`).join(', ')}`
  }
  r.claims = claims ?? null
  return r
}

export function exitCodeFor(r: TokenResult): number {
  return r.valid
    ? ExitCode.OK
    : r.status === 'forbidden'
      ? ExitCode.FORBIDDEN
      : r.status === 'error'
        ? ExitCode.FAILURE
        : ExitCode.UNAUTHENTICATED
}

/** A batch's exit code: 0 only if every token is valid; otherwise the gravest (1, then 3, then 4). */
export function batchExitCode(codes: Set<number>): number {
  for (const c of [ExitCode.FAILURE, ExitCode.UNAUTHENTICATED, ExitCode.FORBIDDEN]) if (codes.has(c)) return c
  return ExitCode.OK
}
