/**
 * `clerk token decode`: a JWT's header and claims WITHOUT checking its signature or times, for people
 * debugging a token. Nothing here may be trusted; the output says so.
 */
import {usageError} from '../util/errors.js'
import {timeClaims} from './time.js'

export interface DecodedToken {
  verified: false
  warning: string
  header: Record<string, unknown>
  claims: Record<string, unknown>
  times: ReturnType<typeof timeClaims>
  /** session token, machine JWT, or unknown, from the header and claims */
  kind: string
}

const MACHINE_PREFIXES = ['ak_', 'mt_', 'oat_']
export const UNVERIFIED = 'UNVERIFIED: signature, issuer and times were not checked (use `clerk token verify`)'

function part(text: string, name: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw usageError(`not a JWT: the ${name} is not base64url-encoded JSON`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw usageError(`not a JWT: the ${name} is not a JSON object`)
  return value as Record<string, unknown>
}

export function decodeToken(token: string, nowMs = Date.now()): DecodedToken {
  if (MACHINE_PREFIXES.some((p) => token.startsWith(p))) {
    throw usageError(
      `${token.slice(0, 4)}… is an opaque machine token: it has no claims to decode`,
      'verify it with BAPI: clerk token verify --accepts any',
    )
  }
  const parts = token.split('.')
  if (parts.length !== 3 || parts.some((p) => !/^[\w-]*$/.test(p))) {
    throw usageError('not a JWT: expected three base64url parts separated by dots')
  }
  const header = part(parts[0], 'header')
  const claims = part(parts[1], 'payload')
  const sub = typeof claims.sub === 'string' ? claims.sub : ''
  const kind =
    header.typ === 'at+jwt' || header.typ === 'application/at+jwt'
      ? 'oauth_token (JWT)'
      : sub.startsWith('mch_')
        ? 'm2m_token (JWT)'
        : header.cat === 'cl_B7d4PD111AAA' || typeof claims.sid === 'string'
          ? 'session_token'
          : 'unknown'
  return {verified: false, warning: UNVERIFIED, header, claims, times: timeClaims(claims, nowMs), kind}
}
