/** A rate such as `100/10s`: at most `limit` requests in every `windowMs`. */
export interface Rate {
  limit: number
  windowMs: number
}

const UNITS: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000}

/** Windows from 1 ms to a day (Node timers max out at 2^31-1 ms); up to a million requests in one. */
export const RATE_RANGE = {maxWindowMs: 86_400_000, maxLimit: 1_000_000}

/** Parse `N/W` where W is a duration like `10s`, `500ms`, `1m`, `1h` (a bare `s` means `1s`). */
export function parseRate(text: string): Rate {
  const m = /^\s*(\d+)\s*\/\s*(\d*(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text)
  if (!m) throw new RangeError(`invalid rate "${text}": expected N/<duration>, e.g. 100/10s`)
  const limit = Number(m[1])
  const windowMs = (m[2] === '' ? 1 : Number(m[2])) * UNITS[m[3]]
  if (limit <= 0 || !(windowMs > 0)) throw new RangeError(`invalid rate "${text}": both parts must be positive`)
  if (windowMs > RATE_RANGE.maxWindowMs || limit > RATE_RANGE.maxLimit)
    throw new RangeError(
      `invalid rate "${text}": the window must be at most 24h and the count at most ${RATE_RANGE.maxLimit.toLocaleString('en-US')}`,
    )
  return {limit, windowMs}
}

export function formatRate(rate: Rate): string {
  const w = rate.windowMs
  const unit =
    w % 3_600_000 === 0
      ? `${w / 3_600_000}h`
      : w % 60_000 === 0
        ? `${w / 60_000}m`
        : w % 1000 === 0
          ? `${w / 1000}s`
          : `${w}ms`
  return `${rate.limit}/${unit}`
}

/** Clerk's published instance-wide defaults, chosen by the kind of secret key. */
export function defaultRateForKey(secretKey: string | undefined): Rate {
  return secretKey?.startsWith('sk_live_') ? {limit: 1000, windowMs: 10_000} : {limit: 100, windowMs: 10_000}
}
