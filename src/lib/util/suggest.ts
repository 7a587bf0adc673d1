/** "Did you mean ...": edit distances between what was typed and what exists. */

/** Levenshtein distance with adjacent transpositions counting as one edit (`lsit` -> `list` is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 0; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  return d[a.length][b.length]
}

/**
 * The candidates closest to `input` (the best tier only): at most a third of the input's length in
 * edits (at least 2), or a candidate that starts with what was typed.
 */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const typed = input.toLowerCase()
  const limit = Math.max(2, Math.floor(typed.length / 3))
  const scored: Array<{c: string; d: number}> = []
  for (const c of new Set(candidates)) {
    const lower = c.toLowerCase()
    const d = lower.startsWith(typed) && typed.length >= 3 ? 0.5 : editDistance(typed, lower)
    if (d <= limit) scored.push({c, d})
  }
  scored.sort((x, y) => x.d - y.d || x.c.length - y.c.length || x.c.localeCompare(y.c))
  // only the best tier: `users lsit` suggests `users list`, not every command a few edits away
  const best = scored[0]?.d
  return scored
    .filter((s) => s.d <= best)
    .slice(0, max)
    .map((s) => s.c)
}

/** `did you mean "a"?` / `did you mean one of: a, b?`, or undefined when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const near = closest(input, candidates)
  if (near.length === 0) return undefined
  return near.length === 1 ? `did you mean ${near[0]}?` : `did you mean one of: ${near.join(', ')}?`
}
