/** List requests as BAPI reads them: limit/offset paging, the bare-array or paginated reply, +/- id filters, the default order. */
import {typeInvalid, valueInvalid} from '../errors.js'
import type {Collection, JsonObject} from '../store.js'

export interface Page {
  limit: number
  offset: number
}

function int(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name)
  if (raw === null || raw === '') return undefined
  const n = Number(raw)
  if (!Number.isInteger(n)) throw typeInvalid(name, 'integer')
  return n
}

/** limit (1..500, default 10) and offset (>= 0) as BAPI validates them. */
export function parsePage(q: URLSearchParams, defaultLimit = 10): Page {
  const limit = int(q, 'limit') ?? defaultLimit
  if (limit < 1 || limit > 500) throw valueInvalid('limit', 'limit must be between 1 and 500.')
  const offset = int(q, 'offset') ?? 0
  if (offset < 0) throw valueInvalid('offset', 'offset must be greater than or equal to 0.')
  return {limit, offset}
}

export const slice = <T>(rows: T[], page: Page): T[] => rows.slice(page.offset, page.offset + page.limit)

/** A bare array, or `{data, total_count}` when the request says `paginated=true` (as BAPI's older lists do). */
export function listReply(rows: JsonObject[], q: URLSearchParams): unknown {
  const page = parsePage(q)
  const data = slice(rows, page)
  return q.get('paginated') === 'true' ? {data, total_count: rows.length} : data
}

/** Newest first (BAPI's default order for these lists). */
export const newestFirst = (c: Collection<JsonObject>) => c.values().reverse()

/** `+id`/`id` include, `-id` excludes. */
export function plusMinus(values: string[]): {include: Set<string>; exclude: Set<string>} {
  const include = new Set<string>()
  const exclude = new Set<string>()
  for (const v of values) {
    if (v.startsWith('-')) exclude.add(v.slice(1))
    else include.add(v.startsWith('+') ? v.slice(1) : v)
  }
  return {include, exclude}
}
