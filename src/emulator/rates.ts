/**
 * The emulator's own rate table and rate syntax. Deliberately not shared with the client (src/lib/http):
 * a wrong default written once would fool both sides of every test at once.
 *
 * Clerk's published limits ("System limits" in Clerk's docs, 2026): a production instance (sk_live_ key)
 * takes 1000 requests per 10 s, a development instance (sk_test_) 100 per 10 s, instance-wide. The
 * per-endpoint limits (invitations per hour, updates per user) are the named rules of ratelimit.ts.
 */
export interface Rate {
  limit: number
  windowMs: number
}

/** Instance-wide limits by the kind of secret key, as Clerk publishes them. */
export const INSTANCE_RATES = {
  production: {limit: 1000, windowMs: 10_000},
  development: {limit: 100, windowMs: 10_000},
} as const satisfies Record<string, Rate>

export const instanceRateForKey = (secretKey: string | undefined): Rate =>
  secretKey?.startsWith('sk_live_') ? INSTANCE_RATES.production : INSTANCE_RATES.development

const UNIT_MS: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000}

/** `N/W`, W a duration (`10s`, `500ms`, `1m`, `1h`; a bare unit means one of it), for `--rate-limit` and the control route. */
export function parseEmulatorRate(text: string): Rate {
  const m = /^\s*(\d+)\s*\/\s*(\d*(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(text)
  if (!m) throw new RangeError(`invalid rate "${text}": expected N/<duration>, e.g. 100/10s`)
  const limit = Number(m[1])
  const windowMs = (m[2] === '' ? 1 : Number(m[2])) * UNIT_MS[m[3]]
  if (limit <= 0 || !(windowMs > 0)) throw new RangeError(`invalid rate "${text}": both parts must be positive`)
  return {limit, windowMs}
}
