import {humanDuration, parseDuration} from '../util/duration.js'
import {usageError} from '../util/errors.js'

/** Seconds since the epoch -> ISO date. */
export function isoDate(seconds: number): string {
  const d = new Date(seconds * 1000)
  return Number.isNaN(d.getTime()) ? `invalid date (${seconds})` : d.toISOString()
}

/** "in 42s" / "3m 20s ago" relative to `nowMs`. */
export function relative(seconds: number, nowMs = Date.now()): string {
  const delta = seconds * 1000 - nowMs
  return delta >= 0 ? `in ${humanDuration(delta)}` : `${humanDuration(delta)} ago`
}

/** "expires in 42s" / "expired 3m ago". */
export function expiryText(exp: number, nowMs = Date.now()): string {
  return exp * 1000 > nowMs ? `expires ${relative(exp, nowMs)}` : `expired ${relative(exp, nowMs)}`
}

/** The time claims of a JWT payload, for people: {claim: {unix, iso, relative}}. */
export function timeClaims(
  payload: Record<string, unknown>,
  nowMs = Date.now(),
): Record<string, {unix: number; iso: string; relative: string}> {
  const out: Record<string, {unix: number; iso: string; relative: string}> = {}
  for (const claim of ['iat', 'nbf', 'exp', 'auth_time']) {
    const v = payload[claim]
    if (typeof v !== 'number' || !Number.isFinite(v)) continue
    out[claim] = {unix: v, iso: isoDate(v), relative: claim === 'exp' ? expiryText(v, nowMs) : relative(v, nowMs)}
  }
  return out
}

/** "-30s" / "10m" / "90" -> seconds (signed), for token lifetimes; undefined stays undefined. */
export function parseSignedDuration(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined
  const negative = text.trim().startsWith('-')
  try {
    const ms = parseDuration(text.trim().replace(/^[-+]/, ''))
    return (negative ? -ms : ms) / 1000
  } catch (error) {
    throw usageError(`--${flag}: ${(error as Error).message}`)
  }
}
