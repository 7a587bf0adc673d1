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
  const unknown = chosen.filter((n) => !(n in all))
  if (unknown.length > 0) {
    throw usageError(`unknown column ${unknown.join(', ')}`, `valid columns: ${Object.keys(all).join(', ')}`)
  }
  return chosen.map((n) => [n, all[n]])
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
