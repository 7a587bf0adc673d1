/**
 * Invitations, both kinds:
 *   /v1/invitations                  instance invitations: create, bulk create (<= 10), list (bare array, or
 *                                    {data, total_count} with paginated=true), revoke
 *   /v1/organizations/{id}/invitations  organization invitations: create, bulk create (<= 10), list
 *                                    ({data, total_count}), get, revoke
 * A bulk request is all or nothing, answered the way Clerk documents it (errors/table.ts): pending
 * invitations for some addresses -> 400 duplicate_record naming them all in meta.email_addresses (instance
 * invitations); an existing member -> 400 already_a_member_in_organization, a pending invitee -> 400
 * organization_invitation_not_unique, over max_allowed_memberships (members + pending invitations + this
 * request) -> 403 organization_membership_quota_exceeded — none of these say which item. A malformed item
 * answers its first validation error, with meta.param_name the bare field (Clerk documents no per-item
 * index). Nothing is created. The hourly limits live in ratelimit.ts.
 */
import {emailInvalid, paramMissing, raise, valueInvalid} from '../errors.js'
import {newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {checkParams} from '../requests/params.js'
import {notFoundIn} from '../requests/replies.js'
import {checkRole, findOrg, membersOf, orderRows, parseLimitOffset} from './organizations.js'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const DAY = 86_400_000
const BULK_MAX = 10

export function registerInvitations(r: Router): void {
  r.post('/v1/invitations', ({store, body}) => ok(render(createInvitations(store, [body], false)[0])))
  r.post('/v1/invitations/bulk', ({store, json}) => ok(createInvitations(store, bulkItems(json), true).map(render)))
  r.get('/v1/invitations', listInvitations)
  r.post('/v1/invitations/:invitation_id/revoke', ({store, params}) => {
    const c = store.collection('invitations')
    const inv = c.get(params.invitation_id)
    if (!inv) throw notFoundIn('invitations', params.invitation_id)
    const status = statusOf(inv)
    if (status === 'revoked') throw raise('InvitationAlreadyRevoked')
    if (status === 'accepted') throw raise('InvitationAlreadyAccepted')
    // undocumented: an expired invitation; refused (400 bad_request) rather than silently revoked
    if (status !== 'pending') throw raise('BadRequest')
    return ok(render(c.set({...inv, revoked: true, status: 'revoked', updated_at: Date.now()})))
  })

  r.post('/v1/organizations/:organization_id/invitations', ({store, params, body}) =>
    ok(renderOrgInv(store, createOrgInvitations(store, params.organization_id, [body])[0])),
  )
  r.post('/v1/organizations/:organization_id/invitations/bulk', ({store, params, json}) =>
    ok(listOf(store, createOrgInvitations(store, params.organization_id, bulkItems(json)))),
  )
  r.get('/v1/organizations/:organization_id/invitations', listOrgInvitations)
  r.get('/v1/organizations/:organization_id/invitations/:invitation_id', ({store, params}) =>
    ok(renderOrgInv(store, findOrgInv(store, params.organization_id, params.invitation_id))),
  )
  r.post('/v1/organizations/:organization_id/invitations/:invitation_id/revoke', ({store, params, body}) => {
    const inv = findOrgInv(store, params.organization_id, params.invitation_id)
    checkParams(body, {requesting_user_id: 'string?'})
    if (statusOf(inv) !== 'pending') throw raise('OrganizationInvitationNotPending')
    return ok(
      renderOrgInv(
        store,
        store.collection('organization_invitations').set({...inv, status: 'revoked', updated_at: Date.now()}),
      ),
    )
  })
}

function bulkItems(json: unknown): Json[] {
  if (!Array.isArray(json)) throw raise('InvalidRequestBody')
  if (json.length === 0) throw valueInvalid('invitations', 'At least one invitation is required.')
  if (json.length > BULK_MAX) throw raise('BulkSizeExceeded', {max: BULK_MAX})
  for (const item of json)
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw raise('InvalidRequestBody')
  return json as Json[]
}

function checkEmailParam(v: unknown): string {
  if (typeof v !== 'string' || v === '') throw paramMissing('email_address')
  if (!EMAIL.test(v)) throw emailInvalid('email_address')
  return v.toLowerCase()
}

function checkDays(v: unknown): void {
  if (v != null && ((v as number) < 1 || (v as number) > 365))
    throw valueInvalid('expires_in_days', 'expires_in_days must be between 1 and 365.')
}

function statusOf(inv: Json): string {
  return inv.status === 'pending' && inv.expires_at != null && inv.expires_at < Date.now() ? 'expired' : inv.status
}

// ---- instance invitations -----------------------------------------------------------------------------

const INVITATION_PARAMS = {
  email_address: 'string?',
  public_metadata: 'object',
  redirect_url: 'string?',
  notify: 'boolean',
  ignore_existing: 'boolean',
  expires_in_days: 'integer',
  template_slug: 'string?',
} as const

function createInvitations(store: Store, items: Json[], bulk: boolean): JsonObject[] {
  const c = store.collection('invitations')
  const pending = new Set(
    c
      .values()
      .filter((i) => statusOf(i) === 'pending')
      .map((i) => String(i.email_address).toLowerCase()),
  )
  const emails = items.map((item) => {
    checkParams(item, INVITATION_PARAMS)
    const email = checkEmailParam(item.email_address)
    checkDays(item.expires_in_days)
    if (item.template_slug != null && !['invitation', 'waitlist_invitation'].includes(item.template_slug)) {
      throw valueInvalid('template_slug', 'template_slug must be one of invitation, waitlist_invitation.')
    }
    return email
  })
  // undocumented: the same address twice in one bulk request (422 form_param_duplicate, no item named)
  if (new Set(emails).size !== emails.length)
    throw raise('FormDuplicateParameterValue', {value: 'email_address'}, {param_name: 'email_address'})
  items.forEach((item, i) => {
    if (store.users.findBy('email', emails[i]) && (bulk || !item.ignore_existing))
      throw raise('FormIdentifierExists', {what: 'email address'}, {param_name: 'email_address'})
  })
  const taken = items.filter((item, i) => pending.has(emails[i]) && !item.ignore_existing)
  if (taken.length) {
    const addresses = taken.map((item) => String(item.email_address))
    throw raise('DuplicateInvitations', {emails: addresses.join(', ')}, {email_addresses: addresses})
  }
  const now = Date.now()
  return items.map((item) => {
    const id = newId('inv')
    return c.set({
      object: 'invitation',
      id,
      email_address: item.email_address,
      public_metadata: item.public_metadata ?? {},
      revoked: false,
      status: 'pending',
      url: `https://accounts.emulator.clerk.dev/sign-up?__clerk_ticket=${id}${item.redirect_url ? `&redirect_url=${encodeURIComponent(item.redirect_url)}` : ''}`,
      expires_at: now + (item.expires_in_days ?? 30) * DAY,
      created_at: now,
      updated_at: now,
    })
  })
}

const render = (inv: JsonObject): Json => ({...inv, status: statusOf(inv)})

function listInvitations({store, query}: RequestContext) {
  const {limit, offset} = parseLimitOffset(query)
  const status = query.get('status')
  if (status && !['pending', 'accepted', 'revoked', 'expired'].includes(status))
    throw valueInvalid('status', 'status must be one of pending, accepted, revoked, expired.')
  const q = (query.get('query') ?? '').toLowerCase()
  const rows = store
    .collection('invitations')
    .values()
    .filter((i) => {
      const s = statusOf(i)
      if (status ? s !== status : s === 'revoked') return false
      return !q || i.id.toLowerCase() === q || String(i.email_address).toLowerCase().includes(q)
    })
  const sorted = orderRows(rows, query.get('order_by'), {
    created_at: (i) => i.created_at,
    email_address: (i) => String(i.email_address).toLowerCase(),
    expires_at: (i) => i.expires_at,
  })
  const data = sorted.slice(offset, offset + limit).map(render)
  return ok(query.get('paginated') === 'true' ? {data, total_count: rows.length} : data)
}

// ---- organization invitations -------------------------------------------------------------------------

const ORG_INVITATION_PARAMS = {
  email_address: 'string?',
  inviter_user_id: 'string?',
  role: 'string?',
  public_metadata: 'object',
  private_metadata: 'object',
  redirect_url: 'string?',
  expires_in_days: 'integer',
  notify: 'boolean',
} as const

function createOrgInvitations(store: Store, orgId: string, items: Json[]): JsonObject[] {
  const org = findOrg(store, orgId)
  const c = store.collection('organization_invitations')
  const pendingRows = c.values().filter((i) => i.organization_id === org.id && statusOf(i) === 'pending')
  const pending = new Set(pendingRows.map((i) => String(i.email_address).toLowerCase()))
  const members = membersOf(store, org.id)
  const memberIds = new Set(members.map((m) => m.user_id))
  const admins = new Set(members.filter((m) => m.role === 'org:admin').map((m) => m.user_id))
  const emails = items.map((item) => {
    checkParams(item, ORG_INVITATION_PARAMS)
    const email = checkEmailParam(item.email_address)
    checkRole(store, item.role)
    checkDays(item.expires_in_days)
    return email
  })
  for (const item of items)
    if (item.inviter_user_id && !admins.has(item.inviter_user_id))
      throw raise('NotAnAdminInOrganization', {who: item.inviter_user_id})
  // any of a user's addresses makes them a member, not just the primary one
  items.forEach((item, i) => {
    const userId = store.users.findBy('email', emails[i])
    if (userId && memberIds.has(userId)) throw raise('AlreadyAMemberOfOrganization', {user: item.email_address})
  })
  if (emails.some((e) => pending.has(e)) || new Set(emails).size !== emails.length)
    throw raise('OrganizationInvitationNotUnique')
  checkMembershipQuota(store, org, items.length)
  const now = Date.now()
  return items.map((item) =>
    c.set({
      object: 'organization_invitation',
      id: newId('orginv'),
      email_address: item.email_address,
      role: item.role,
      role_name: checkRole(store, item.role).name,
      organization_id: org.id,
      inviter_id: item.inviter_user_id ?? null,
      status: 'pending',
      public_metadata: item.public_metadata ?? {},
      private_metadata: item.private_metadata ?? {},
      url: null,
      expires_at: now + (item.expires_in_days ?? 30) * DAY,
      created_at: now,
      updated_at: now,
    }),
  )
}

function findOrgInv(store: Store, orgId: string, invId: string): JsonObject {
  const org = findOrg(store, orgId)
  const inv = store.collection('organization_invitations').get(invId)
  if (!inv || inv.organization_id !== org.id) throw notFoundIn('organization_invitations', invId)
  return inv
}

/** Members plus pending invitations plus `adding` may not exceed max_allowed_memberships (0: no cap). */
export function checkMembershipQuota(store: Store, org: JsonObject, adding: number): void {
  const max = Number(org.max_allowed_memberships ?? 0)
  if (max <= 0) return
  const pending = store
    .collection('organization_invitations')
    .values()
    .filter((i) => i.organization_id === org.id && statusOf(i) === 'pending').length
  if (membersOf(store, org.id).length + pending + adding > max)
    throw raise('OrganizationMembershipQuotaExceeded', {max})
}

export function renderOrgInv(store: Store, inv: JsonObject): Json {
  const u = inv.inviter_id ? store.users.get(inv.inviter_id) : undefined
  const email = u && (u.email_addresses as Json[]).find((e) => e.id === u.primary_email_address_id)?.email_address
  const inviter = inv.inviter_id
    ? {
        user_id: inv.inviter_id,
        first_name: u?.first_name ?? null,
        last_name: u?.last_name ?? null,
        image_url: u?.image_url ?? '',
        has_image: u?.has_image ?? false,
        identifier: email ?? u?.username ?? '',
      }
    : null
  return {...inv, status: statusOf(inv), public_inviter_data: inviter}
}

const listOf = (store: Store, rows: JsonObject[]) => ({
  data: rows.map((i) => renderOrgInv(store, i)),
  total_count: rows.length,
})

function listOrgInvitations({store, params, query}: RequestContext) {
  const org = findOrg(store, params.organization_id)
  const {limit, offset} = parseLimitOffset(query)
  const statuses = query.getAll('status').filter(Boolean)
  for (const s of statuses)
    if (!['pending', 'accepted', 'revoked', 'expired'].includes(s))
      throw valueInvalid('status', 'status must be one of pending, accepted, revoked, expired.')
  const email = (query.get('email_address') ?? '').toLowerCase()
  const rows = store
    .collection('organization_invitations')
    .values()
    .filter(
      (i) =>
        i.organization_id === org.id &&
        (!statuses.length || statuses.includes(statusOf(i))) &&
        (!email || String(i.email_address).toLowerCase() === email),
    )
  const sorted = orderRows(rows, query.get('order_by'), {
    created_at: (i) => i.created_at,
    email_address: (i) => String(i.email_address).toLowerCase(),
  })
  return ok({data: sorted.slice(offset, offset + limit).map((i) => renderOrgInv(store, i)), total_count: rows.length})
}
