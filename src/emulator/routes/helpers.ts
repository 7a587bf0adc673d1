/** Small pieces the simpler resource routes share: paging, required params, ids, instance-wide fields. */
import {ApiError, notFound, paramMissing, valueInvalid} from '../errors.js'
import type {Collection, Json, JsonObject, Store} from '../store.js'
import {base62} from '../ids.js'

export interface Page {
  limit: number
  offset: number
}

function int(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name)
  if (raw === null || raw === '') return undefined
  const n = Number(raw)
  if (!Number.isInteger(n)) throw valueInvalid(name, `${name} must be an integer.`)
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

export function requireString(body: Json, key: string): string {
  const v = body[key]
  if (v === undefined || v === null || v === '') throw paramMissing(key)
  if (typeof v !== 'string') throw valueInvalid(key, `${key} must be a string.`)
  return v
}

export function find(c: Collection<JsonObject>, id: string): JsonObject {
  const obj = c.get(id)
  if (!obj) throw notFound()
  return obj
}

export const deleted = (object: string, id: string) => ({object, id, deleted: true})

/** The emulated instance's id (stable per store: derived once and kept in the `instance` collection). */
export function instanceId(store: Store): string {
  const c = store.collection('instance')
  const existing = c.values()[0]
  if (existing) return existing.id
  return c.set({id: `ins_${base62(27)}`}).id
}

export const randomToken = (n = 48) => base62(n)

export const badRequest = (code: string, message: string, longMessage: string) =>
  new ApiError(400, [{code, message, long_message: longMessage}])

export const unprocessable = (code: string, message: string, longMessage: string, param?: string) =>
  new ApiError(422, [param ? {code, message, long_message: longMessage, meta: {param_name: param}} : {code, message, long_message: longMessage}])
