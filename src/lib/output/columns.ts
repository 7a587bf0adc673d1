import {usageError} from '../util/errors.js'

/** A column of a table or CSV: a header and how to read it from one BAPI object (snake_case JSON). */
export interface Column<T = Record<string, unknown>> {
  header: string
  get: (row: T) => unknown
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Columns<T = any> = Record<string, Column<T>>

/** Pick columns by name (`--columns id,email`); unknown names are a usage error listing the valid ones. */
export function selectColumns<T>(
  all: Columns<T>,
  names: string[] | undefined,
  defaults: string[],
): Array<[string, Column<T>]> {
  const chosen = names && names.length > 0 ? names : defaults
  // case-insensitive: the table prints them upper-case (`--columns ID,Email` works)
  const byLower = new Map(Object.keys(all).map((k) => [k.toLowerCase(), k]))
  const unknown = chosen.filter((n) => !byLower.has(n.toLowerCase()))
  if (unknown.length > 0) {
    throw usageError(`unknown column ${unknown.join(', ')}`, `valid columns: ${Object.keys(all).join(', ')}`)
  }
  return chosen.map((n) => {
    const key = byLower.get(n.toLowerCase())!
    return [key, all[key]]
  })
}

/** The value at a dotted path (`public_metadata.plan`), matching keys case-insensitively; undefined if absent. */
function at(row: unknown, path: string[]): {found: boolean; value?: unknown} {
  let cur: unknown = row
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return {found: false}
    const obj = cur as Record<string, unknown>
    const key = seg in obj ? seg : Object.keys(obj).find((k) => k.toLowerCase() === seg.toLowerCase())
    if (key === undefined) return {found: false}
    cur = obj[key]
  }
  return {found: true, value: cur}
}

/**
 * `--columns` for JSON/NDJSON: each name is a field of the object (a dotted path such as
 * `public_metadata.plan` keeps its nesting) or, failing that, a table column (`email`, `name`).
 * Field names and paths come out as the object spells them, so the result is still BAPI's shape.
 */
export function pickFields<T>(row: T, names: string[], columns: Columns<T>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const byLower = new Map(Object.keys(columns).map((k) => [k.toLowerCase(), k]))
  for (const name of names) {
    const path = name.split('.')
    const hit = at(row, path)
    if (hit.found) {
      let target = out
      let src: unknown = row
      for (const [i, seg] of path.entries()) {
        const obj = src as Record<string, unknown>
        const key = seg in obj ? seg : Object.keys(obj).find((k) => k.toLowerCase() === seg.toLowerCase())!
        if (i === path.length - 1) target[key] = hit.value
        else {
          target[key] = (target[key] as Record<string, unknown> | undefined) ?? {}
          target = target[key] as Record<string, unknown>
          src = obj[key]
        }
      }
      continue
    }
    const column = byLower.get(name.toLowerCase())
    out[column ?? name] = column ? columns[column].get(row) : null
  }
  return out
}

/** Names that are neither a field of `row` (top-level segment) nor a column: usage error before printing. */
export function checkFieldNames<T>(row: T, names: string[], columns: Columns<T>): void {
  const lower = new Set(Object.keys(columns).map((k) => k.toLowerCase()))
  const bad = names.filter((n) => !lower.has(n.toLowerCase()) && !at(row, [n.split('.')[0]]).found)
  if (bad.length > 0) {
    const fields = row && typeof row === 'object' ? Object.keys(row as object) : []
    throw usageError(
      `unknown field ${bad.join(', ')}`,
      `fields: ${fields.join(', ')}${Object.keys(columns).length ? `; columns: ${Object.keys(columns).join(', ')}` : ''}`,
    )
  }
}

/** Epoch milliseconds (BAPI's timestamps) -> `2026-11-26 14:03` for tables; empty for null. */
export function formatTime(ms: unknown): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) return ''
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ')
}

/** Epoch milliseconds -> ISO 8601 for CSV, where a sortable exact value is better than a short one. */
export function isoTime(ms: unknown): string {
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : ''
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
