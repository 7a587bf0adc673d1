/** `1 row`, `2 rows`, `0 rows`: a count with its noun, singular only for exactly one. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`
}
