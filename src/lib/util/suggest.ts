/** Closeness of words, for did-you-mean hints (unknown API paths, unknown role keys). */

/** The edit distance between two strings (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]
}

/** The candidate closest to `word` (case-insensitive), or undefined when none is within a third of its length. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase()
  let best: string | undefined
  let bestD = Math.max(2, Math.ceil(w.length / 3)) + 1
  for (const c of candidates) {
    const d = levenshtein(w, c.toLowerCase())
    if (d < bestD) [best, bestD] = [c, d]
  }
  return best
}
