/**
 * /v1/organizations: list ({data, total_count}), create, get by id or slug, update, delete (with its
 * memberships, invitations and domains), and the metadata merge/replace routes. Also the helpers the membership
 * and invitation routes share: finding an organization, roles, paging parameters.
 */
import {
  formatInvalid,
  identifierExists,
  notFound,
  paramMissing,
  paramUnknown,
  raise,
  typeInvalid,
  valueInvalid,
} from '../errors.js'
import {newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {deepMerge, isPlainObject} from '../json.js'
import {plusMinus} from '../requests/lists.js'
import {checkParams, parseTimestamp} from '../requests/params.js'
import {instanceRole} from './roles.js'

export function registerOrganizations(r: Router): void {
  r.get('/v1/organizations', listOrganizations)
  r.post('/v1/organizations', createOrganization)
  r.get('/v1/organizations/:organization_id', ({store, params, query}) => {
    const org = findOrg(store, params.organization_id, true)
    return ok(renderOrg(store, org, query.get('include_members_count') === 'true'))
  })
  r.patch('/v1/organizations/:organization_id', updateOrganization)
  r.delete('/v1/organizations/:organization_id', ({store, params}) => {
    const org = findOrg(store, params.organization_id)
    for (const name of ['organization_memberships', 'organization_invitations', 'organization_domains']) {
      const c = store.collection(name)
      for (const x of c.values()) if (x.organization_id === org.id) c.delete(x.id)
    }
    store.collection('organizations').delete(org.id)
    return ok({object: 'organization', id: org.id, slug: org.slug, deleted: true})
  })
  r.patch('/v1/organizations/:organization_id/metadata', (ctx) => metadata(ctx, 'merge'))
  r.put('/v1/organizations/:organization_id/metadata', (ctx) => metadata(ctx, 'replace'))
}

// ---- shared helpers ---------------------------------------------------------------------------------

/** The instance role with this key (routes/roles.ts), or 422 naming the instance's roles. */
export function checkRole(store: Store, role: unknown, param = 'role'): {name: string; permissions: string[]} {
  if (typeof role !== 'string' || role === '') throw paramMissing(param)
  const r = instanceRole(store, role)
  if (!r) throw raise('OrganizationRoleNotFound', {}, {param_name: param})
  return r
}

/** The organization with this id (or, when `bySlug`, slug); 404 otherwise. */
export function findOrg(store: Store, idOrSlug: string, bySlug = false): JsonObject {
  const orgs = store.collection('organizations')
  const org = orgs.get(idOrSlug) ?? (bySlug ? orgs.get(orgs.findBy('slug', idOrSlug) ?? '') : undefined)
  if (!org) throw notFound('OrganizationNotFound')
  return org
}

export function membersOf(store: Store, orgId: string): JsonObject[] {
  return store
    .collection('organization_memberships')
    .values()
    .filter((m) => m.organization_id === orgId)
}

export function renderOrg(store: Store, org: JsonObject, withCount = false): Json {
  return withCount ? {...org, members_count: membersOf(store, org.id).length} : {...org}
}

function int(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name)
  if (v === null || v === '') return undefined
  if (!/^-?\d+$/.test(v)) throw typeInvalid(name, 'integer')
  return Number(v)
}

/** `limit` (1..500, default 10) and `offset` (>= 0). */
export function parseLimitOffset(q: URLSearchParams): {limit: number; offset: number} {
  const limit = int(q, 'limit') ?? 10
  if (limit < 1 || limit > 500) throw valueInvalid('limit', 'limit must be between 1 and 500.')
  const offset = int(q, 'offset') ?? 0
  if (offset < 0) throw valueInvalid('offset', 'offset must be greater than or equal to 0.')
  return {limit, offset}
}

/** Sort by `order_by` (`+field`/`-field`, default -created_at) among `fields`; ties keep insertion order. */
export function orderRows<T extends Json>(
  rows: T[],
  raw: string | null,
  fields: Record<string, (x: T) => string | number | null>,
): T[] {
  const spec = raw || '-created_at'
  const desc = spec.startsWith('-')
  const field = spec.replace(/^[+-]/, '')
  const get = fields[field]
  if (!get)
    throw valueInvalid(
      'order_by',
      `order_by must be one of ${Object.keys(fields).join(', ')}, optionally prefixed with + or -.`,
    )
  const dir = desc ? -1 : 1
  return rows
    .map((x, i) => ({x, i, k: get(x)}))
    .sort((a, b) => {
      if (a.k !== b.k) {
        if (a.k === null) return dir
        if (b.k === null) return -dir
        return (a.k < b.k ? -1 : 1) * dir
      }
      return (a.i - b.i) * dir
    })
    .map((r) => r.x)
}

// ---- routes -----------------------------------------------------------------------------------------

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const CREATE_PARAMS = {
  name: 'string?',
  created_by: 'string?',
  private_metadata: 'object',
  public_metadata: 'object',
  slug: 'string?',
  max_allowed_memberships: 'integer',
  created_at: 'string?',
  role_set_key: 'string?',
} as const
const UPDATE_PARAMS = {
  name: 'string?',
  slug: 'string?',
  max_allowed_memberships: 'integer',
  admin_delete_enabled: 'boolean',
  created_at: 'string?',
  role_set_key: 'string?',
} as const

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw paramMissing('name')
  if (name.length > 256) throw raise('FormParameterMaxLengthExceeded', {param: 'name', max: 256}, {param_name: 'name'})
  if (/<[^>]+>|https?:\/\//i.test(name)) throw valueInvalid('name', 'name may not contain URLs or HTML.')
  return name
}

function checkSlug(store: Store, slug: string, selfId?: string): void {
  if (!SLUG.test(slug))
    throw formatInvalid('slug', 'slug can contain only lowercase alphanumeric characters and the dash "-".')
  const holder = store.collection('organizations').findBy('slug', slug)
  if (holder && holder !== selfId) throw identifierExists('slug')
}

function slugFor(store: Store, name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'org'
  const orgs = store.collection('organizations')
  if (!orgs.findBy('slug', base)) return base
  for (let i = 2; ; i++) if (!orgs.findBy('slug', `${base}-${i}`)) return `${base}-${i}`
}

function checkMax(v: unknown): void {
  if (v !== undefined && v !== null && (v as number) < 0)
    throw valueInvalid('max_allowed_memberships', 'max_allowed_memberships must be 0 or greater.')
}

function listOrganizations({store, query}: RequestContext) {
  const {limit, offset} = parseLimitOffset(query)
  const q = (query.get('query') ?? '').toLowerCase()
  const orgIds = plusMinus(query.getAll('organization_id').filter(Boolean))
  if (orgIds.include.size + orgIds.exclude.size > 100)
    throw valueInvalid('organization_id', 'organization_id accepts up to 100 values.')
  const userIds = plusMinus(query.getAll('user_id').filter(Boolean))
  const memberships = store.collection('organization_memberships').values()
  const orgsOf = (ids: Set<string>) =>
    new Set(memberships.filter((m) => ids.has(m.user_id)).map((m) => m.organization_id))
  const withUsers = userIds.include.size ? orgsOf(userIds.include) : undefined
  const withoutUsers = userIds.exclude.size ? orgsOf(userIds.exclude) : undefined
  const counts = new Map<string, number>()
  for (const m of memberships) counts.set(m.organization_id, (counts.get(m.organization_id) ?? 0) + 1)
  const rows = store
    .collection('organizations')
    .values()
    .filter(
      (o) =>
        (!q || o.id.toLowerCase() === q || String(o.name).toLowerCase().includes(q) || String(o.slug).includes(q)) &&
        (!orgIds.include.size || orgIds.include.has(o.id)) &&
        !orgIds.exclude.has(o.id) &&
        (!withUsers || withUsers.has(o.id)) &&
        !withoutUsers?.has(o.id),
    )
  const sorted = orderRows(rows, query.get('order_by'), {
    created_at: (o) => o.created_at,
    name: (o) => String(o.name).toLowerCase(),
    members_count: (o) => counts.get(o.id) ?? 0,
  })
  const withCount = query.get('include_members_count') === 'true'
  const data = sorted
    .slice(offset, offset + limit)
    .map((o) => (withCount ? {...o, members_count: counts.get(o.id) ?? 0} : o))
  return ok({data, total_count: rows.length})
}

function createOrganization({store, body}: RequestContext) {
  checkParams(body, CREATE_PARAMS)
  const name = checkName(body.name)
  checkMax(body.max_allowed_memberships)
  let creator: JsonObject | undefined
  if (body.created_by) {
    creator = store.users.get(body.created_by)
    if (!creator) throw raise('OrganizationCreatorNotFound', {userID: body.created_by})
  }
  const slug = body.slug ? String(body.slug) : slugFor(store, name)
  checkSlug(store, slug)
  const now = Date.now()
  const created = parseTimestamp(body.created_at, 'created_at') ?? now
  const id = newId('org')
  const org: JsonObject = {
    object: 'organization',
    id,
    name,
    slug,
    image_url: `https://img.clerk.com/${Buffer.from(JSON.stringify({type: 'default', iid: 'ins_emulator', rid: id})).toString('base64url')}`,
    has_image: false,
    max_allowed_memberships: body.max_allowed_memberships ?? 0,
    admin_delete_enabled: true,
    public_metadata: body.public_metadata ?? {},
    private_metadata: body.private_metadata ?? {},
    ...(creator ? {created_by: creator.id} : {}),
    created_at: created,
    updated_at: now,
    role_set_key: body.role_set_key ?? null,
  }
  store.collection('organizations').set(org)
  if (creator) addMembership(store, org, creator, 'org:admin', {}, {}, now)
  return ok(org)
}

function updateOrganization({store, params, body}: RequestContext) {
  const old = findOrg(store, params.organization_id)
  for (const k of ['public_metadata', 'private_metadata']) {
    // not accepted here since API version 2026-05-12: PATCH /v1/organizations/{organization_id}/metadata
    if (k in body) throw paramUnknown(k)
  }
  checkParams(body, UPDATE_PARAMS)
  checkMax(body.max_allowed_memberships)
  const o: Json = {...old}
  if (body.name != null) o.name = checkName(body.name)
  if (body.slug != null) {
    checkSlug(store, body.slug, old.id)
    o.slug = body.slug
  }
  if (body.max_allowed_memberships != null) o.max_allowed_memberships = body.max_allowed_memberships
  if (body.admin_delete_enabled != null) o.admin_delete_enabled = body.admin_delete_enabled
  if (body.role_set_key !== undefined) o.role_set_key = body.role_set_key
  const created = parseTimestamp(body.created_at, 'created_at')
  if (created !== undefined) o.created_at = created
  o.updated_at = Date.now()
  return ok(store.collection('organizations').set(o as JsonObject))
}

function metadata({store, params, body}: RequestContext, mode: 'merge' | 'replace') {
  const old = findOrg(store, params.organization_id)
  checkParams(body, {public_metadata: 'object', private_metadata: 'object'})
  const o: Json = {...old}
  for (const k of ['public_metadata', 'private_metadata']) {
    if (body[k] === undefined) continue
    if (!isPlainObject(body[k])) throw typeInvalid(k, 'object')
    o[k] = mode === 'merge' ? deepMerge(old[k] ?? {}, body[k]) : body[k]
  }
  o.updated_at = Date.now()
  return ok(store.collection('organizations').set(o as JsonObject))
}

// ---- memberships (stored flat; rendered with the organization and the user's public data) -------------

export function addMembership(
  store: Store,
  org: JsonObject,
  user: JsonObject,
  role: string,
  pub: Json,
  priv: Json,
  now = Date.now(),
): JsonObject {
  const r = checkRole(store, role)
  const m: JsonObject = {
    id: newId('orgmem'),
    object: 'organization_membership',
    organization_id: org.id,
    user_id: user.id,
    role,
    role_name: r.name,
    permissions: r.permissions,
    public_metadata: pub,
    private_metadata: priv,
    created_at: now,
    updated_at: now,
  }
  return store.collection('organization_memberships').set(m)
}

export function publicUserData(user: JsonObject | undefined, userId: string): Json {
  const email =
    user && (user.email_addresses as Json[]).find((e) => e.id === user.primary_email_address_id)?.email_address
  return {
    user_id: userId,
    first_name: user?.first_name ?? null,
    last_name: user?.last_name ?? null,
    profile_image_url: user?.profile_image_url ?? null,
    image_url: user?.image_url ?? '',
    has_image: user?.has_image ?? false,
    identifier: email ?? user?.username ?? null,
    username: user?.username ?? null,
    banned: user?.banned ?? false,
  }
}

export function renderMembership(store: Store, m: JsonObject): Json {
  const {organization_id: orgId, user_id: userId, ...rest} = m
  const org = store.collection('organizations').get(orgId)
  return {...rest, organization: org ? {...org} : {}, public_user_data: publicUserData(store.users.get(userId), userId)}
}
