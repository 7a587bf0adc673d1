/**
 * API keys, served like BAPI at the root (no /v1), as @clerk/backend calls them:
 *   GET/POST /api_keys · GET/PATCH/DELETE /api_keys/{id} · GET /api_keys/{id}/secret · POST /api_keys/{id}/revoke
 * A key's secret (`ak_…`) is answered by create and GET …/secret only, and verifies at POST /api_keys/verify
 * (routes/machine-tokens.ts) until it is revoked or expires. Bad input is the 400 these routes document.
 * Revoking a revoked key answers it unchanged (Clerk documents nothing; the first reason is kept).
 */
import {raise} from '../errors.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {JsonObject, Store} from '../store.js'
import {MACHINE_COLLECTIONS, mintMachineToken} from '../tokens.js'
import {type Field, checkBody, invalid, queryBoolean, queryPage, queryString} from '../requests/machine-params.js'
import {served} from './machine-tokens.js'

const SUBJECT = /^(user|org|mch|scim)_\w{27}$/
const keys = (store: Store) => store.collection(MACHINE_COLLECTIONS.api_key)
const OWNERS: Record<string, string> = {user: 'users', org: 'organizations', mch: 'machines'}

const EDITABLE: Record<string, Field> = {
  claims: {type: 'any'},
  scopes: {type: 'strings'},
  description: {type: 'string', nullable: true, max: 255},
  subject: {type: 'string', pattern: SUBJECT},
  seconds_until_expiration: {type: 'number', nullable: true, min: 0, exclusiveMin: true},
}
const CREATE: Record<string, Field> = {
  ...EDITABLE,
  type: {type: 'string', min: 3, max: 25},
  name: {type: 'string', min: 3, pattern: /^(\S(.*\S)?)?$/},
  created_by: {type: 'string', nullable: true, pattern: /^user_\w{27}$/},
}

function find(store: Store, id: string): JsonObject {
  const k = keys(store).get(id)
  if (!k) throw raise('MachineTokenNotFound', {what: 'API key'})
  return k
}

/** The subject must exist (a user, organization or machine of the instance; scim_ subjects are taken as given). */
function checkSubject(store: Store, subject: string): void {
  const owner = OWNERS[subject.split('_')[0]]
  if (owner && !store.collection(owner).has(subject)) throw invalid('body.subject', `No ${owner} item ${subject}`)
}

const expiration = (seconds: unknown, now: number) => (typeof seconds === 'number' ? now + seconds * 1000 : null)

function create({body, store}: RequestContext) {
  checkBody(body, CREATE, ['name', 'subject'])
  checkSubject(store, body.subject)
  if (body.created_by) checkSubject(store, body.created_by)
  const now = Date.now()
  const k = mintMachineToken({
    type: 'api_key',
    subject: body.subject,
    name: body.name,
    scopes: body.scopes ?? [],
    claims: body.claims ?? null,
    now,
  })
  const stored = keys(store).set({
    ...k,
    type: body.type ?? 'api_key',
    description: body.description ?? null,
    created_by: body.created_by ?? null,
    expiration: expiration(body.seconds_until_expiration, now),
  })
  return ok({...served(stored, now), secret: stored.secret})
}

function list({query, store}: RequestContext) {
  const subject = queryString(query, 'subject', {required: true, pattern: SUBJECT})
  const type = queryString(query, 'type') ?? 'api_key'
  const includeInvalid = queryBoolean(query, 'include_invalid')
  const q = (queryString(query, 'query') ?? '').toLowerCase()
  const {limit, offset} = queryPage(query)
  const now = Date.now()
  const rows = keys(store)
    .values()
    .reverse()
    .map((k) => served(k, now))
    .filter((k) => k.subject === subject && k.type === type)
    .filter((k) => includeInvalid || (!k.revoked && !k.expired))
    .filter((k) => !q || String(k.name).toLowerCase().includes(q))
  return ok({data: rows.slice(offset, offset + limit), total_count: rows.length})
}

function update({params, body, store}: RequestContext) {
  const k = find(store, params.id)
  checkBody(body, EDITABLE)
  if (body.subject) checkSubject(store, body.subject)
  const now = Date.now()
  const next: JsonObject = {...k, updated_at: now}
  for (const f of ['claims', 'scopes', 'description', 'subject'])
    if (body[f] !== undefined) next[f] = body[f] ?? (f === 'scopes' ? [] : null)
  if (body.seconds_until_expiration !== undefined) next.expiration = expiration(body.seconds_until_expiration, now)
  return ok(served(keys(store).set(next), now))
}

function revoke({params, body, store}: RequestContext) {
  const k = find(store, params.id)
  checkBody(body, {revocation_reason: {type: 'string', nullable: true}})
  if (k.revoked) return ok(served(k))
  const next = {...k, revoked: true, revocation_reason: body.revocation_reason ?? null, updated_at: Date.now()}
  return ok(served(keys(store).set(next)))
}

export function registerApiKeys(r: Router): void {
  r.get('/api_keys', list)
  r.post('/api_keys', create)
  r.get('/api_keys/:id', ({params, store}) => ok(served(find(store, params.id))))
  r.patch('/api_keys/:id', update)
  r.delete('/api_keys/:id', ({params, store}) => {
    find(store, params.id)
    keys(store).delete(params.id)
    return ok({id: params.id, object: 'api_key', deleted: true})
  })
  r.get('/api_keys/:id/secret', ({params, store}) => ok({secret: find(store, params.id).secret}))
  r.post('/api_keys/:id/revoke', revoke)
}
