/**
 * Machines (machine-to-machine identities): /v1/machines, their secret keys and scopes.
 *   GET/POST /v1/machines · GET/PATCH/DELETE /v1/machines/{id} · GET /v1/machines/{id}/secret_key
 *   POST /v1/machines/{id}/secret_key/rotate · POST /v1/machines/{id}/scopes · DELETE …/scopes/{other_id}
 * A machine's secret key (`ak_…`, served on create, by GET …/secret_key and by a rotation) authenticates
 * its own M2M token requests (routes/m2m-tokens.ts; the server asks {@link machineForKey}). A rotation keeps
 * the previous key valid for `previous_token_ttl` seconds. Deleting a machine drops it from every scope and
 * revokes its M2M tokens (Clerk documents nothing here; a deleted machine's tokens failing is the safe answer).
 */
import {paramMissing, raise, valueInvalid} from '../errors.js'
import {base62, newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {checkParams, requireString} from '../requests/params.js'
import {parsePage} from '../requests/lists.js'
import {deleted, instanceId} from '../requests/replies.js'

const MAX_SCOPES = 150
const MAX_TTL = 315_360_000
const machines = (store: Store) => store.collection('machines')
const newSecret = () => `ak_${base62(48)}`

function find(store: Store, id: string): JsonObject {
  const m = machines(store).get(id)
  if (!m) throw raise('MachineNotFound', {machineID: id})
  return m
}

/** MachineWithoutScopedMachines: the machine as the spec serves it, without secrets or scopes. */
function bare(m: JsonObject): JsonObject {
  const {scoped_machine_ids: _s, secret_key: _k, previous_secret_keys: _p, ...rest} = m
  return rest
}

function render(store: Store, m: JsonObject): JsonObject {
  const c = machines(store)
  const scoped = (m.scoped_machine_ids as string[]).map((id) => c.get(id)).filter((x) => x !== undefined)
  return {...bare(m), scoped_machines: scoped.map(bare)}
}

/**
 * The machine whose secret key `key` is (the current one, or a rotated one still in its grace period), for
 * the M2M token routes only: any other route takes the instance secret key alone.
 */
export function machineForKey(store: Store, path: string, key: string, now = Date.now()): string | undefined {
  if (!path.startsWith('/m2m_tokens')) return undefined
  for (const m of machines(store).values()) {
    if (m.secret_key === key) return m.id
    const previous = (m.previous_secret_keys ?? []) as Array<{secret: string; expires_at: number}>
    if (previous.some((p) => p.secret === key && p.expires_at > now)) return m.id
  }
  return undefined
}

function ttl(body: Json): number | undefined {
  const v = body.default_token_ttl
  if (v === undefined || v === null) return undefined
  if (v < 1 || v > MAX_TTL)
    throw valueInvalid('default_token_ttl', `default_token_ttl must be between 1 and ${MAX_TTL}.`)
  return v
}

function machineName(body: Json): string {
  const name = requireString(body, 'name')
  if (name.length > 255) throw raise('FormParameterMaxLengthExceeded', {param: 'name', max: 255}, {param_name: 'name'})
  return name
}

function list({query, store}: RequestContext) {
  const {limit, offset} = parsePage(query)
  const q = query.get('query') ?? ''
  let rows = machines(store).values()
  if (q) rows = rows.filter((m) => m.id === q || String(m.name).toLowerCase().includes(q.toLowerCase()))
  const spec = query.get('order_by') || '-created_at'
  const field = spec.replace(/^[+-]/, '')
  if (field !== 'name' && field !== 'created_at')
    throw valueInvalid('order_by', 'order_by must be one of: name, created_at, optionally prefixed + or -.')
  const sign = spec.startsWith('-') ? -1 : 1
  // insertion order breaks ties (machines created in the same millisecond)
  const indexed = rows.map((m, i) => ({m, i}))
  indexed.sort((a, b) => {
    const x = a.m[field] as string | number
    const y = b.m[field] as string | number
    return (x < y ? -1 : x > y ? 1 : a.i - b.i) * sign
  })
  const data = indexed.slice(offset, offset + limit).map(({m}) => render(store, m))
  return ok({data, total_count: rows.length})
}

function create({body, store}: RequestContext) {
  checkParams(body, {name: 'string?', scoped_machines: 'strings', default_token_ttl: 'integer'})
  const name = machineName(body)
  const scoped = (body.scoped_machines ?? []) as string[]
  if (scoped.length > MAX_SCOPES)
    throw valueInvalid('scoped_machines', `scoped_machines can hold at most ${MAX_SCOPES} machines.`)
  for (const id of scoped)
    if (!machines(store).has(id))
      throw raise('FormMissingResource', {param: 'scoped_machines'}, {param_name: 'scoped_machines'})
  const now = Date.now()
  const m = machines(store).set({
    object: 'machine',
    id: newId('mch'),
    name,
    instance_id: instanceId(store),
    created_at: now,
    updated_at: now,
    default_token_ttl: ttl(body) ?? 3600,
    scoped_machine_ids: [...new Set(scoped)],
    secret_key: newSecret(),
    previous_secret_keys: [],
  })
  return ok({...render(store, m), secret_key: m.secret_key})
}

function update({params, body, store}: RequestContext) {
  const m = find(store, params.id)
  checkParams(body, {name: 'string?', default_token_ttl: 'integer'})
  const next: JsonObject = {...m, updated_at: Date.now()}
  if (body.name !== undefined) next.name = machineName(body)
  const t = ttl(body)
  if (t !== undefined) next.default_token_ttl = t
  return ok(render(store, machines(store).set(next)))
}

function remove({params, store}: RequestContext) {
  find(store, params.id)
  machines(store).delete(params.id)
  for (const other of machines(store).values()) {
    const ids = other.scoped_machine_ids as string[]
    if (ids.includes(params.id)) machines(store).set({...other, scoped_machine_ids: ids.filter((x) => x !== params.id)})
  }
  const tokens = store.collection('m2m_tokens')
  for (const t of tokens.values())
    if (t.subject === params.id && !t.revoked)
      tokens.set({...t, revoked: true, revocation_reason: 'Machine deleted', updated_at: Date.now()})
  return ok(deleted('machine', params.id))
}

function rotate({params, body, store}: RequestContext) {
  const m = find(store, params.id)
  checkParams(body, {previous_token_ttl: 'integer'})
  const grace = body.previous_token_ttl
  if (grace === undefined || grace === null) throw paramMissing('previous_token_ttl')
  if (grace < 0 || grace > 28_800)
    throw valueInvalid('previous_token_ttl', 'previous_token_ttl must be between 0 and 28800.')
  const now = Date.now()
  const previous = ((m.previous_secret_keys ?? []) as Array<{secret: string; expires_at: number}>).filter(
    (p) => p.expires_at > now,
  )
  if (grace > 0) previous.push({secret: m.secret_key as string, expires_at: now + grace * 1000})
  const next = machines(store).set({...m, secret_key: newSecret(), previous_secret_keys: previous, updated_at: now})
  return ok({object: 'machine_secret_key', secret: next.secret_key})
}

function addScope({params, body, store}: RequestContext) {
  const m = find(store, params.id)
  checkParams(body, {to_machine_id: 'string?'})
  const to = requireString(body, 'to_machine_id')
  find(store, to)
  const ids = m.scoped_machine_ids as string[]
  if (ids.includes(to)) throw raise('Conflict')
  if (ids.length >= MAX_SCOPES) throw valueInvalid('to_machine_id', `a machine can hold at most ${MAX_SCOPES} scopes.`)
  const now = Date.now()
  machines(store).set({...m, scoped_machine_ids: [...ids, to], updated_at: now})
  return ok({object: 'machine_scope', from_machine_id: m.id, to_machine_id: to, created_at: now})
}

function removeScope({params, store}: RequestContext) {
  const m = find(store, params.id)
  const ids = m.scoped_machine_ids as string[]
  if (!ids.includes(params.other)) throw raise('ResourceNotFound')
  machines(store).set({...m, scoped_machine_ids: ids.filter((x) => x !== params.other), updated_at: Date.now()})
  return ok({object: 'machine_scope', from_machine_id: m.id, to_machine_id: params.other, deleted: true})
}

export function registerMachines(r: Router): void {
  r.get('/v1/machines', list)
  r.post('/v1/machines', create)
  r.get('/v1/machines/:id', ({params, store}) => ok(render(store, find(store, params.id))))
  r.patch('/v1/machines/:id', update)
  r.delete('/v1/machines/:id', remove)
  r.get('/v1/machines/:id/secret_key', ({params, store}) =>
    ok({object: 'machine_secret_key', secret: find(store, params.id).secret_key}),
  )
  r.post('/v1/machines/:id/secret_key/rotate', rotate)
  r.post('/v1/machines/:id/scopes', addScope)
  r.delete('/v1/machines/:id/scopes/:other', removeScope)
}
