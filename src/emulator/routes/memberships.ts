/**
 * /v1/organizations/{id}/memberships: list ({data, total_count}, every filter the spec documents), add (a
 * member already there: 400; over max_allowed_memberships counting pending invitations: 403), change role,
 * remove, merge metadata.
 */
import {notFound, paramMissing, raise, typeInvalid, valueInvalid} from '../errors.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {deepMerge} from '../json.js'
import {checkParams} from '../requests/params.js'
import {
  addMembership,
  checkRole,
  findOrg,
  membersOf,
  orderRows,
  parseLimitOffset,
  renderMembership,
} from './organizations.js'
import {plusMinus} from '../requests/lists.js'
import {checkMembershipQuota} from './invitations.js'

export function registerMemberships(r: Router): void {
  r.get('/v1/organizations/:organization_id/memberships', listMemberships)
  r.post('/v1/organizations/:organization_id/memberships', createMembership)
  r.patch('/v1/organizations/:organization_id/memberships/:user_id', ({store, params, body}) => {
    const m = findMembership(store, params.organization_id, params.user_id)
    checkParams(body, {role: 'string?'})
    const role = checkRole(store, body.role)
    const next = {...m, role: body.role, role_name: role.name, permissions: role.permissions, updated_at: Date.now()}
    return ok(renderMembership(store, store.collection('organization_memberships').set(next)))
  })
  r.delete('/v1/organizations/:organization_id/memberships/:user_id', ({store, params}) => {
    const m = findMembership(store, params.organization_id, params.user_id)
    const out = renderMembership(store, m)
    store.collection('organization_memberships').delete(m.id)
    return ok(out)
  })
  r.patch('/v1/organizations/:organization_id/memberships/:user_id/metadata', ({store, params, body}) => {
    const m = findMembership(store, params.organization_id, params.user_id)
    checkParams(body, {public_metadata: 'object', private_metadata: 'object'})
    const next: Json = {...m, updated_at: Date.now()}
    for (const k of ['public_metadata', 'private_metadata'])
      if (body[k] !== undefined) next[k] = deepMerge(m[k] ?? {}, body[k])
    return ok(renderMembership(store, store.collection('organization_memberships').set(next as JsonObject)))
  })
}

function findMembership(store: Store, orgId: string, userId: string): JsonObject {
  const org = findOrg(store, orgId)
  const c = store.collection('organization_memberships')
  const m = c.get(c.findBy('member', `${org.id}\u0000${userId}`) ?? '')
  if (!m) throw notFound() // Clerk documents no membership 404: the generic one
  return m
}

function createMembership({store, params, body}: RequestContext) {
  const org = findOrg(store, params.organization_id)
  checkParams(body, {user_id: 'string?', role: 'string?', public_metadata: 'object', private_metadata: 'object'})
  if (!body.user_id) throw paramMissing('user_id')
  checkRole(store, body.role)
  const user = store.users.get(body.user_id)
  if (!user) throw notFound('UserNotFound', {userID: body.user_id})
  const c = store.collection('organization_memberships')
  if (c.findBy('member', `${org.id}\u0000${user.id}`)) throw raise('AlreadyAMemberOfOrganization', {user: user.id})
  checkMembershipQuota(store, org, 1)
  return ok(
    renderMembership(
      store,
      addMembership(store, org, user, body.role, body.public_metadata ?? {}, body.private_metadata ?? {}),
    ),
  )
}

const lower = (s: unknown) => String(s ?? '').toLowerCase()

/** A millisecond timestamp query parameter (the spec's integer filters). */
function msParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name)
  if (v === null || v === '') return undefined
  if (!/^-?\d+$/.test(v)) throw typeInvalid(name, 'integer')
  return Number(v)
}

function listMemberships({store, params, query}: RequestContext) {
  const org = findOrg(store, params.organization_id)
  const {limit, offset} = parseLimitOffset(query)
  const users = store.users
  const many = (name: string) => {
    const v = query.getAll(name).filter(Boolean)
    if (v.length > 100) throw valueInvalid(name, `${name} accepts up to 100 values.`)
    return v
  }
  const ids = plusMinus(many('user_id'))
  const emails = new Set(many('email_address').map(lower))
  const phones = new Set(many('phone_number'))
  const wallets = new Set(many('web3_wallet').map(lower))
  const roles = new Set(many('role'))
  const usernames = new Set(many('username').map(lower))
  const q = lower(query.get('query'))
  const emailQ = lower(query.get('email_address_query'))
  const phoneQ = lower(query.get('phone_number_query'))
  const usernameQ = lower(query.get('username_query'))
  const nameQ = lower(query.get('name_query'))
  const times = (
    ['last_active_at_before', 'last_active_at_after', 'created_at_before', 'created_at_after'] as const
  ).map((p) => [p, msParam(query, p)] as const)
  const rows = membersOf(store, org.id).filter((m) => {
    const u = users.get(m.user_id)
    const addrs: string[] = u ? (u.email_addresses as Json[]).map((e) => lower(e.email_address)) : []
    const nums: string[] = u ? (u.phone_numbers as Json[]).map((p) => String(p.phone_number)) : []
    const w3: string[] = u ? (u.web3_wallets as Json[]).map((w) => lower(w.web3_wallet)) : []
    const names = [u?.first_name, u?.last_name, [u?.first_name, u?.last_name].filter(Boolean).join(' ')].map(lower)
    if (ids.include.size && !ids.include.has(m.user_id)) return false
    if (ids.exclude.has(m.user_id)) return false
    if (roles.size && !roles.has(m.role)) return false
    if (emails.size && !addrs.some((a) => emails.has(a))) return false
    if (phones.size && !nums.some((n) => phones.has(n))) return false
    if (wallets.size && !w3.some((w) => wallets.has(w))) return false
    if (usernames.size && !usernames.has(lower(u?.username))) return false
    if (emailQ && !addrs.some((a) => a.includes(emailQ))) return false
    if (phoneQ && !nums.some((n) => n.includes(phoneQ))) return false
    if (usernameQ && !lower(u?.username).includes(usernameQ)) return false
    if (nameQ && !names.some((n) => n.includes(nameQ))) return false
    for (const [p, v] of times) {
      if (v === undefined) continue
      const at = p.startsWith('created') ? u?.created_at : u?.last_active_at
      if (typeof at !== 'number' || (p.endsWith('_before') ? !(at < v) : !(at > v))) return false
    }
    if (q && ![m.user_id, u?.username, ...names, ...addrs, ...nums, ...w3].some((s) => lower(s).includes(q)))
      return false
    return true
  })
  const userField = (f: string) => (m: JsonObject) => {
    const v = users.get(m.user_id)?.[f]
    return v == null ? null : lower(v)
  }
  const sorted = orderRows(rows, query.get('order_by'), {
    created_at: (m) => m.created_at,
    first_name: userField('first_name'),
    last_name: userField('last_name'),
    username: userField('username'),
    email_address: (m) => {
      const u = users.get(m.user_id)
      const e = u && (u.email_addresses as Json[]).find((x) => x.id === u.primary_email_address_id)
      return e ? lower(e.email_address) : null
    },
    phone_number: () => null,
  })
  return ok({
    data: sorted.slice(offset, offset + limit).map((m) => renderMembership(store, m)),
    total_count: rows.length,
  })
}
