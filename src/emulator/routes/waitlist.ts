/**
 * /v1/waitlist_entries: list (query, status, order_by, limit/offset; {data, total_count}), create (an address
 * already on the list returns its entry), bulk create (a JSON array of 1..50, no repeated addresses), delete
 * (pending only), invite (creates an invitation), reject.
 */
import {badRequestBody, emailInvalid, raise, valueInvalid} from '../errors.js'
import {newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {checkParams} from '../requests/params.js'
import {parsePage, slice} from '../requests/lists.js'
import {deleted, find, randomToken} from '../requests/replies.js'
import {requireString} from '../requests/params.js'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const STATUSES = new Set(['pending', 'invited', 'completed', 'rejected'])
const ORDER_FIELDS = new Set(['created_at', 'email_address', 'invited_at'])
const NAME = 'waitlist_entries'

function addEntry(store: Store, body: Json, param = 'email_address'): JsonObject {
  checkParams(body, {email_address: 'string?', notify: 'boolean'})
  const email = requireString(body, 'email_address').trim()
  if (!EMAIL.test(email)) throw emailInvalid(param)
  const c = store.collection(NAME)
  const existing = c.findBy('email', email.toLowerCase())
  if (existing) return c.get(existing)!
  const now = Date.now()
  return c.set({
    object: 'waitlist_entry',
    id: newId('wle'),
    email_address: email,
    status: 'pending',
    is_locked: false,
    created_at: now,
    updated_at: now,
    invitation: null,
  })
}

function list({store, query}: RequestContext) {
  const status = query.get('status')
  if (status && !STATUSES.has(status))
    throw valueInvalid('status', `status must be one of ${[...STATUSES].join(', ')}.`)
  const order = query.get('order_by') || '-created_at'
  const field = order.replace(/^[+-]/, '')
  if (!ORDER_FIELDS.has(field))
    throw valueInvalid(
      'order_by',
      `order_by must be one of ${[...ORDER_FIELDS].join(', ')} with an optional + or - prefix.`,
    )
  const q = (query.get('query') ?? '').toLowerCase()
  const rows = store
    .collection(NAME)
    .values()
    .filter(
      (e) =>
        (!status || e.status === status) &&
        (!q || String(e.email_address).toLowerCase().includes(q) || e.id === query.get('query')),
    )
  const key = (e: JsonObject) => (field === 'invited_at' ? (e.invitation?.created_at ?? 0) : e[field])
  const dir = order.startsWith('-') ? -1 : 1
  // insertion order breaks ties, so entries created in the same millisecond keep a stable order
  const indexed = rows.map((e, i) => [e, i] as const)
  indexed.sort(([a, i], [b, j]) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : (i - j) * dir))
  return ok({
    data: slice(
      indexed.map(([e]) => e),
      parsePage(query),
    ),
    total_count: rows.length,
  })
}

function bulk({store, json}: RequestContext) {
  if (!Array.isArray(json)) throw badRequestBody()
  if (json.length < 1 || json.length > 50)
    throw valueInvalid('entries', 'between 1 and 50 waitlist entries can be created at once.')
  const seen = new Set<string>()
  for (const item of json) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw badRequestBody()
    const email = String((item as Json).email_address ?? '').toLowerCase()
    if (seen.has(email))
      throw raise('FormDuplicateParameterValue', {value: 'email_address'}, {param_name: 'email_address'})
    seen.add(email)
  }
  // validate every entry before creating any, so a bad row leaves the list unchanged
  for (const item of json as Json[]) {
    checkParams(item, {email_address: 'string?', notify: 'boolean'})
    const email = requireString(item, 'email_address')
    if (!EMAIL.test(email.trim())) throw emailInvalid('email_address')
  }
  return ok((json as Json[]).map((item) => addEntry(store, item)))
}

function transition(ctx: RequestContext, to: 'invited' | 'rejected') {
  const c = ctx.store.collection(NAME)
  const e = find(c, ctx.params.waitlist_entry_id)
  if (to === 'invited') checkParams(ctx.body, {ignore_existing: 'boolean'})
  if (
    e.status === 'completed' ||
    e.status === to ||
    (to === 'invited' && e.status === 'rejected' && !ctx.body.ignore_existing)
  ) {
    throw statusConflict(e.status)
  }
  const now = Date.now()
  const invitation =
    to === 'invited'
      ? {
          object: 'invitation',
          id: newId('inv'),
          email_address: e.email_address,
          public_metadata: {},
          revoked: false,
          status: 'pending',
          url: `https://accounts.emulator.clerk.localhost/sign-up?__clerk_ticket=${randomToken()}`,
          expires_at: now + 30 * 24 * 3600 * 1000,
          created_at: now,
          updated_at: now,
        }
      : e.invitation
  return ok(c.set({...e, status: to, invitation: invitation ?? null, updated_at: now}))
}

/** 409 for an entry whose status forbids the change (Clerk documents these three; any other status -> completed). */
function statusConflict(status: string) {
  if (status === 'invited') return raise('WaitlistEntryAlreadyInvited')
  if (status === 'rejected') return raise('WaitlistEntryAlreadyRejected')
  return raise('WaitlistEntryAlreadyCompleted')
}

export function registerWaitlist(r: Router): void {
  r.get(`/v1/${NAME}`, list)
  r.post(`/v1/${NAME}`, ({store, body}) => ok(addEntry(store, body)))
  r.post(`/v1/${NAME}/bulk`, bulk, {arrayBody: true})
  r.delete(`/v1/${NAME}/:waitlist_entry_id`, ({store, params}) => {
    const e = find(store.collection(NAME), params.waitlist_entry_id)
    if (e.status !== 'pending') throw statusConflict(e.status)
    store.collection(NAME).delete(e.id)
    return ok(deleted('waitlist_entry', e.id))
  })
  r.post(`/v1/${NAME}/:waitlist_entry_id/invite`, (ctx) => transition(ctx, 'invited'))
  r.post(`/v1/${NAME}/:waitlist_entry_id/reject`, (ctx) => transition(ctx, 'rejected'))
}
