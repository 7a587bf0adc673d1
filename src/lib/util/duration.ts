const UNITS: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000}

/** `30s`, `500ms`, `2m`, `1h`, `7d`, or a bare number of seconds -> milliseconds. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text)
  if (!m) throw new RangeError(`invalid duration "${text}": use e.g. 30s, 500ms, 2m`)
  return Math.round(Number(m[1]) * UNITS[m[2] ?? 's'])
}

/** 42_000 -> "42s", 200_000 -> "3m 20s": for people, not parsers. */
export function humanDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return s % 60 ? `${m}m ${s % 60}s` : `${m}m`
  const h = Math.floor(m / 60)
  if (h < 48) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`
  return `${Math.floor(h / 24)}d`
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
