/**
 * GET /v1/users and /v1/users/count: the filters, `order_by`, `limit`/`offset` and the
 * `starting_after` cursor, following the spec's parameter descriptions.
 */
import {typeInvalid, valueInvalid} from '../errors.js'
import {plusMinus} from '../requests/lists.js'
import type {Collection, Json, JsonObject} from '../store.js'
import {primaryEmail, primaryPhone, primaryWeb3} from './model.js'

const MAX_VALUES = 100
const ORDER_FIELDS: Record<string, (u: Json) => string | number | null> = {
  created_at: (u) => u.created_at,
  updated_at: (u) => u.updated_at,
  email_address: (u) => primaryEmail(u)?.toLowerCase() ?? null,
  web3wallet: (u) => primaryWeb3(u)?.toLowerCase() ?? null,
  first_name: (u) => u.first_name?.toLowerCase() ?? null,
  last_name: (u) => u.last_name?.toLowerCase() ?? null,
  phone_number: (u) => primaryPhone(u),
  username: (u) => u.username?.toLowerCase() ?? null,
  last_active_at: (u) => u.last_active_at,
  last_sign_in_at: (u) => u.last_sign_in_at,
}

const lower = (s: unknown) => String(s ?? '').toLowerCase()

function list(q: URLSearchParams, name: string): string[] {
  const values = q.getAll(name).filter((v) => v !== '')
  if (values.length > MAX_VALUES) throw valueInvalid(name, `${name} accepts up to ${MAX_VALUES} values.`)
  return values
}

function int(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name)
  if (v === null || v === '') return undefined
  if (!/^-?\d+$/.test(v)) throw typeInvalid(name, 'integer')
  return Number(v)
}

type Pred = (u: Json) => boolean

/** Build one predicate from every filter parameter present (filters AND together; values within one OR). */
export function userFilter(q: URLSearchParams, memberships?: Json[]): Pred {
  const preds: Pred[] = []
  const emails = new Set(list(q, 'email_address').map(lower))
  if (emails.size) preds.push((u) => u.email_addresses.some((e: Json) => emails.has(lower(e.email_address))))
  const phones = new Set(list(q, 'phone_number'))
  if (phones.size) preds.push((u) => u.phone_numbers.some((p: Json) => phones.has(p.phone_number)))
  const wallets = new Set(list(q, 'web3_wallet').map(lower))
  if (wallets.size) preds.push((u) => u.web3_wallets.some((w: Json) => wallets.has(lower(w.web3_wallet))))
  const usernames = new Set(list(q, 'username').map(lower))
  if (usernames.size) preds.push((u) => u.username != null && usernames.has(lower(u.username)))
  for (const [param, field] of [
    ['user_id', 'id'],
    ['external_id', 'external_id'],
  ] as const) {
    const {include, exclude} = plusMinus(list(q, param))
    if (include.size) preds.push((u) => include.has(u[field]))
    if (exclude.size) preds.push((u) => !exclude.has(u[field]))
  }
  const orgs = plusMinus(list(q, 'organization_id'))
  if (orgs.include.size || orgs.exclude.size) {
    const memberOf = (ids: Set<string>) =>
      new Set((memberships ?? []).filter((m) => ids.has(m.organization_id)).map((m) => m.user_id))
    const inc = memberOf(orgs.include)
    const exc = memberOf(orgs.exclude)
    if (orgs.include.size) preds.push((u) => inc.has(u.id))
    if (exc.size) preds.push((u) => !exc.has(u.id))
  }
  if (q.get('provider') || list(q, 'provider_user_id').length) preds.push(() => false)

  const query = lower(q.get('query'))
  if (query) {
    preds.push(
      (u) =>
        [
          u.id,
          u.external_id,
          u.username,
          u.first_name,
          u.last_name,
          [u.first_name, u.last_name].filter(Boolean).join(' '),
        ].some((s) => lower(s).includes(query)) ||
        u.email_addresses.some((e: Json) => lower(e.email_address).includes(query)) ||
        u.phone_numbers.some((p: Json) => lower(p.phone_number).includes(query)) ||
        u.web3_wallets.some((w: Json) => lower(w.web3_wallet).includes(query)),
    )
  }
  const sub = (param: string, get: (u: Json) => unknown[]) => {
    const needle = lower(q.get(param))
    if (needle) preds.push((u) => get(u).some((s) => s != null && lower(s).includes(needle)))
  }
  sub('email_address_query', (u) => u.email_addresses.map((e: Json) => e.email_address))
  sub('phone_number_query', (u) => u.phone_numbers.map((p: Json) => p.phone_number))
  sub('username_query', (u) => [u.username])
  sub('name_query', (u) => [u.first_name, u.last_name, [u.first_name, u.last_name].filter(Boolean).join(' ')])

  const banned = q.get('banned')
  if (banned === 'true' || banned === 'false') preds.push((u) => u.banned === (banned === 'true'))
  else if (banned) throw typeInvalid('banned', 'boolean')

  const range = (param: string, field: string, cmp: (a: number, b: number) => boolean) => {
    const v = int(q, param)
    if (v !== undefined) preds.push((u) => u[field] != null && cmp(u[field], v))
  }
  const before = (a: number, b: number) => a < b
  const after = (a: number, b: number) => a > b
  range('last_active_at_before', 'last_active_at', before)
  range('last_active_at_after', 'last_active_at', after)
  range('last_active_at_since', 'last_active_at', (a, b) => a >= b)
  range('created_at_before', 'created_at', before)
  range('created_at_after', 'created_at', after)
  range('last_sign_in_at_before', 'last_sign_in_at', before)
  range('last_sign_in_at_after', 'last_sign_in_at', after)

  return preds.length === 0 ? () => true : (u) => preds.every((p) => p(u))
}

export interface Order {
  field: string
  desc: boolean
}

export function parseOrder(q: URLSearchParams): Order {
  const raw = q.getAll('order_by')[0] || '-created_at'
  const desc = raw.startsWith('-')
  const field = raw.replace(/^[+-]/, '')
  if (!ORDER_FIELDS[field]) {
    throw valueInvalid(
      'order_by',
      `order_by must be one of ${Object.keys(ORDER_FIELDS).join(', ')}, optionally prefixed with + or -.`,
    )
  }
  return {field, desc}
}

// Sorted views are cached per collection version: paging 100k users sorts once, not once per page.
const cache = new WeakMap<Collection<JsonObject>, Map<string, {version: number; rows: JsonObject[]}>>()

/** Users in the given order; ties keep insertion order (reversed for descending). Nulls last ascending, first descending. */
export function sortedUsers(users: Collection<JsonObject>, order: Order): JsonObject[] {
  const key = `${order.desc ? '-' : '+'}${order.field}`
  let byKey = cache.get(users)
  if (!byKey) cache.set(users, (byKey = new Map()))
  const hit = byKey.get(key)
  if (hit && hit.version === users.version) return hit.rows
  const get = ORDER_FIELDS[order.field]
  const rows = users.values().map((u, i) => ({u, i, k: get(u)}))
  const dir = order.desc ? -1 : 1
  rows.sort((a, b) => {
    if (a.k !== b.k) {
      if (a.k === null) return dir
      if (b.k === null) return -dir
      return (a.k < b.k ? -1 : 1) * dir
    }
    return (a.i - b.i) * dir
  })
  const sorted = rows.map((r) => r.u)
  byKey.set(key, {version: users.version, rows: sorted})
  return sorted
}

export interface Page {
  limit: number
  offset: number
  startingAfter?: string
}

export function parsePage(q: URLSearchParams, order: Order): Page {
  const limit = int(q, 'limit') ?? 10
  if (limit < 1 || limit > 500) throw valueInvalid('limit', 'limit must be between 1 and 500.')
  const offset = int(q, 'offset') ?? 0
  if (offset < 0) throw valueInvalid('offset', 'offset must be greater than or equal to 0.')
  const startingAfter = q.get('starting_after') || undefined
  if (startingAfter) {
    if (order.field !== 'created_at')
      throw valueInvalid('starting_after', 'starting_after can only be used when ordering by created_at.')
    if (offset !== 0) throw valueInvalid('starting_after', 'starting_after cannot be combined with a non-zero offset.')
  }
  return {limit, offset, startingAfter}
}

export function pageOf(rows: JsonObject[], page: Page, users: Collection<JsonObject>): JsonObject[] {
  let start = page.offset
  if (page.startingAfter) {
    // Undocumented: a cursor that is no user (deleted, or never was) or not in this result set. Clerk says
    // nothing; the emulator answers an empty page, the answer a client can mistake for "done".
    const idx = users.has(page.startingAfter) ? rows.findIndex((u) => u.id === page.startingAfter) : -1
    if (idx < 0) return []
    start = idx + 1
  }
  return rows.slice(start, start + page.limit)
}
