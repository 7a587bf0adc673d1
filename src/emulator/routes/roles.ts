/**
 * Custom roles and permissions: /v1/organization_roles, /v1/organization_permissions, /v1/role_sets.
 * An instance starts with Clerk's defaults: the system permissions (org:sys_*), the roles org:admin and
 * org:member, and the initial role set holding both (default role org:member, creator role org:admin).
 * Memberships and invitations check their role against these (see instanceRole).
 */
import {identifierExists, raise, notFound, paramMissing, valueInvalid} from '../errors.js'
import {newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {checkParams, requireString} from '../requests/params.js'
import {deleted} from '../requests/replies.js'
import {parsePage} from '../requests/lists.js'

const SYSTEM_PERMISSIONS: Array<[string, string, string]> = [
  ['org:sys_profile:manage', 'Manage organization', 'Permission to manage an organization.'],
  ['org:sys_profile:delete', 'Delete organization', 'Permission to delete an organization.'],
  ['org:sys_memberships:read', 'Read members', 'Permission to read the members of an organization.'],
  ['org:sys_memberships:manage', 'Manage members', 'Permission to manage the members of an organization.'],
  ['org:sys_domains:read', 'Read domains', 'Permission to read the domains of an organization.'],
  ['org:sys_domains:manage', 'Manage domains', 'Permission to manage the domains of an organization.'],
]
const DEFAULT_ROLES: Array<[string, string, string, string[]]> = [
  ['org:admin', 'Admin', 'Role with elevated permissions.', SYSTEM_PERMISSIONS.map(([k]) => k)],
  ['org:member', 'Member', 'Role with non-privileged permissions.', ['org:sys_memberships:read']],
]
const ROLE_KEY = /^org:[a-z0-9_]+(:[a-z0-9_]+)*$/i
const PERMISSION_KEY = /^org:[a-z0-9_]+:[a-z0-9_]+$/i

const perms = (store: Store) => seeded(store).collection('organization_permissions')
const roles = (store: Store) => seeded(store).collection('organization_roles')
const roleSets = (store: Store) => seeded(store).collection('role_sets')

/** Seed the defaults once per store (a marker survives reset only as long as the store does). */
function seeded(store: Store): Store {
  const marker = store.collection('instance_roles_seeded')
  if (marker.size > 0) return store
  marker.set({id: 'seeded'})
  const now = Date.now()
  const pc = store.collection('organization_permissions')
  if (pc.size === 0)
    for (const [key, name, description] of SYSTEM_PERMISSIONS)
      pc.set({
        object: 'permission',
        id: newId('perm'),
        name,
        key,
        description,
        type: 'system',
        created_at: now,
        updated_at: now,
      })
  const rc = store.collection('organization_roles')
  if (rc.size === 0)
    for (const [key, name, description, permissionKeys] of DEFAULT_ROLES)
      rc.set({
        object: 'role',
        id: newId('role'),
        name,
        key,
        description,
        is_creator_eligible: true,
        permission_keys: permissionKeys,
        created_at: now,
        updated_at: now,
      })
  const sc = store.collection('role_sets')
  if (sc.size === 0)
    sc.set({
      object: 'role_set',
      id: newId('rs'),
      name: 'Default role set',
      key: 'role_set:default',
      description: null,
      type: 'initial',
      role_keys: ['org:admin', 'org:member'],
      default_role_key: 'org:member',
      creator_role_key: 'org:admin',
      created_at: now,
      updated_at: now,
    })
  return store
}

const byKey = (rows: JsonObject[], key: string) => rows.find((x) => x.key === key)

function permissionByKey(store: Store, key: string): JsonObject {
  const p = byKey(perms(store).values(), key)
  if (!p) throw valueInvalid('permissions', `permission "${key}" does not exist.`)
  return p
}

/** The role as BAPI serves it: its permissions as Permission objects. */
function renderRole(store: Store, role: JsonObject): Json {
  const {permission_keys: keys, ...rest} = role
  const all = perms(store).values()
  return {...rest, permissions: (keys as string[]).map((k) => byKey(all, k)).filter(Boolean)}
}

/** The role with this key (for memberships and invitations): its name and permission keys, or undefined. */
export function instanceRole(store: Store, key: string): {name: string; permissions: string[]} | undefined {
  const r = byKey(roles(store).values(), key)
  return r ? {name: r.name, permissions: [...(r.permission_keys as string[])]} : undefined
}

/** The key of the role with this id (organization settings name roles by id), or undefined. */
export function instanceRoleKey(store: Store, id: string): string | undefined {
  const r = roles(store).get(id)
  return r ? String(r.key) : undefined
}

function listReply(rows: JsonObject[], ctx: RequestContext, render: (x: JsonObject) => Json = (x) => x) {
  const {limit, offset} = parsePage(ctx.query)
  const q = (ctx.query.get('query') ?? '').toLowerCase()
  const matching = q
    ? rows.filter((x) => String(x.name).toLowerCase().includes(q) || String(x.key).toLowerCase().includes(q))
    : rows
  const sorted = ordered(matching, ctx.query.get('order_by'))
  return ok({data: sorted.slice(offset, offset + limit).map(render), total_count: matching.length})
}

/** `order_by` as BAPI reads it for these lists: created_at (default, newest first), name or key, +/- prefixed. */
function ordered(rows: JsonObject[], raw: string | null): JsonObject[] {
  const spec = raw || '-created_at'
  const field = spec.replace(/^[+-]/, '')
  if (!['created_at', 'name', 'key'].includes(field))
    throw valueInvalid('order_by', 'order_by must be one of created_at, name, key, optionally prefixed with + or -.')
  const sign = spec.startsWith('-') ? -1 : 1
  const get = (x: JsonObject) => (field === 'created_at' ? Number(x.created_at) : String(x[field]).toLowerCase())
  return rows
    .map((x, i) => ({x, i}))
    .sort((a, b) => {
      const [p, q] = [get(a.x), get(b.x)]
      return (p < q ? -sign : p > q ? sign : 0) || (field === 'created_at' ? sign * (a.i - b.i) : a.i - b.i)
    })
    .map(({x}) => x)
}

function find(rows: JsonObject[], idOrKey: string): JsonObject {
  const x = rows.find((r) => r.id === idOrKey || r.key === idOrKey)
  if (!x) throw notFound()
  return x
}

function checkKey(key: string, re: RegExp, param: string, example: string): void {
  if (!re.test(key)) throw valueInvalid(param, `${param} must look like ${example}.`)
}

const conflict = (detail: string) => raise('RoleDuplicate', {detail})

function stringsParam(body: Json, name: string): string[] | undefined {
  const v = body[name]
  if (v === undefined || v === null) return undefined
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw valueInvalid(name, `${name} must be an array of strings.`)
  return v
}

function registerPermissions(r: Router): void {
  const PARAMS = {name: 'string?', key: 'string?', description: 'string?'} as const
  r.get('/v1/organization_permissions', (ctx) => listReply(perms(ctx.store).values(), ctx))
  r.get('/v1/organization_permissions/:permission_id', ({store, params}) =>
    ok(find(perms(store).values(), params.permission_id)),
  )
  r.post('/v1/organization_permissions', ({store, body}) => {
    checkParams(body, PARAMS)
    const name = requireString(body, 'name')
    const key = requireString(body, 'key')
    checkKey(key, PERMISSION_KEY, 'key', 'org:<feature>:<permission>')
    if (key.startsWith('org:sys_'))
      throw valueInvalid('key', 'keys starting with org:sys_ are reserved for system permissions.')
    if (byKey(perms(store).values(), key)) throw identifierExists('key')
    const now = Date.now()
    return ok(
      perms(store).set({
        object: 'permission',
        id: newId('perm'),
        name,
        key,
        description: body.description ?? '',
        type: 'user',
        created_at: now,
        updated_at: now,
      }),
    )
  })
  r.patch('/v1/organization_permissions/:permission_id', ({store, params, body}) => {
    checkParams(body, PARAMS)
    const p = find(perms(store).values(), params.permission_id)
    if (p.type === 'system') throw valueInvalid('permission_id', 'system permissions cannot be changed.')
    const next: JsonObject = {...p, updated_at: Date.now()}
    if (body.name != null) next.name = body.name
    if (body.description != null) next.description = body.description
    if (body.key != null && body.key !== p.key) {
      checkKey(body.key, PERMISSION_KEY, 'key', 'org:<feature>:<permission>')
      if (byKey(perms(store).values(), body.key)) throw identifierExists('key')
      for (const role of roles(store).values())
        roles(store).set({
          ...role,
          permission_keys: (role.permission_keys as string[]).map((k) => (k === p.key ? body.key : k)),
        })
      next.key = body.key
    }
    return ok(perms(store).set(next))
  })
  r.delete('/v1/organization_permissions/:permission_id', ({store, params}) => {
    const p = find(perms(store).values(), params.permission_id)
    if (p.type === 'system') throw valueInvalid('permission_id', 'system permissions cannot be deleted.')
    for (const role of roles(store).values())
      roles(store).set({...role, permission_keys: (role.permission_keys as string[]).filter((k) => k !== p.key)})
    perms(store).delete(p.id)
    return ok(deleted('permission', p.id))
  })
}

function registerRoleRoutes(r: Router): void {
  const render = (store: Store) => (x: JsonObject) => renderRole(store, x)
  r.get('/v1/organization_roles', (ctx) => listReply(roles(ctx.store).values(), ctx, render(ctx.store)))
  r.get('/v1/organization_roles/:organization_role_id', ({store, params}) =>
    ok(renderRole(store, find(roles(store).values(), params.organization_role_id))),
  )
  r.post('/v1/organization_roles', ({store, body}) => {
    checkParams(body, {
      name: 'string?',
      key: 'string?',
      description: 'string?',
      permissions: 'strings',
      include_in_initial_role_set: 'boolean',
    })
    const name = requireString(body, 'name')
    const key = requireString(body, 'key')
    checkKey(key, ROLE_KEY, 'key', 'org:<role>')
    if (byKey(roles(store).values(), key)) throw identifierExists('key')
    const keys = (stringsParam(body, 'permissions') ?? []).map((k) => permissionByKey(store, k).key as string)
    const now = Date.now()
    const role = roles(store).set({
      object: 'role',
      id: newId('role'),
      name,
      key,
      description: body.description ?? null,
      is_creator_eligible: keys.includes('org:sys_memberships:manage') && keys.includes('org:sys_profile:manage'),
      permission_keys: [...new Set(keys)],
      created_at: now,
      updated_at: now,
    })
    if (body.include_in_initial_role_set) {
      const initial = roleSets(store)
        .values()
        .find((s) => s.type === 'initial')
      if (initial)
        roleSets(store).set({...initial, role_keys: [...(initial.role_keys as string[]), key], updated_at: now})
    }
    return ok(renderRole(store, role))
  })
  r.patch('/v1/organization_roles/:organization_role_id', ({store, params, body}) => {
    checkParams(body, {name: 'string?', key: 'string?', description: 'string?', permissions: 'strings'})
    const role = find(roles(store).values(), params.organization_role_id)
    const next: JsonObject = {...role, updated_at: Date.now()}
    if (body.name != null) next.name = body.name
    if (body.description !== undefined) next.description = body.description
    const keys = stringsParam(body, 'permissions')
    if (keys) next.permission_keys = [...new Set(keys.map((k) => permissionByKey(store, k).key as string))]
    if (body.key != null && body.key !== role.key) {
      checkKey(body.key, ROLE_KEY, 'key', 'org:<role>')
      if (byKey(roles(store).values(), body.key)) throw identifierExists('key')
      renameRoleKey(store, String(role.key), body.key)
      next.key = body.key
    }
    return ok(renderRole(store, roles(store).set(next)))
  })
  r.delete('/v1/organization_roles/:organization_role_id', ({store, params}) => {
    const role = find(roles(store).values(), params.organization_role_id)
    const inSet = roleSets(store)
      .values()
      .find((s) => s.default_role_key === role.key || s.creator_role_key === role.key)
    if (inSet)
      throw valueInvalid(
        'organization_role_id',
        `${role.key} is the default or creator role of ${inSet.key} and cannot be deleted.`,
      )
    const used = store
      .collection('organization_memberships')
      .values()
      .some((m) => m.role === role.key)
    if (used) throw valueInvalid('organization_role_id', `${role.key} is assigned to members and cannot be deleted.`)
    for (const s of roleSets(store).values())
      roleSets(store).set({...s, role_keys: (s.role_keys as string[]).filter((k) => k !== role.key)})
    roles(store).delete(role.id)
    return ok(deleted('role', role.id))
  })
  r.post('/v1/organization_roles/:organization_role_id/permissions/:permission_id', ({store, params}) => {
    const role = find(roles(store).values(), params.organization_role_id)
    const p = find(perms(store).values(), params.permission_id)
    const keys = role.permission_keys as string[]
    if (keys.includes(p.key)) throw conflict(`${role.key} already has the permission ${p.key}.`)
    return ok(renderRole(store, roles(store).set({...role, permission_keys: [...keys, p.key], updated_at: Date.now()})))
  })
  r.delete('/v1/organization_roles/:organization_role_id/permissions/:permission_id', ({store, params}) => {
    const role = find(roles(store).values(), params.organization_role_id)
    const p = find(perms(store).values(), params.permission_id)
    const keys = role.permission_keys as string[]
    if (!keys.includes(p.key)) throw notFound()
    return ok(
      renderRole(
        store,
        roles(store).set({...role, permission_keys: keys.filter((k) => k !== p.key), updated_at: Date.now()}),
      ),
    )
  })
}

function renameRoleKey(store: Store, from: string, to: string): void {
  for (const s of roleSets(store).values())
    roleSets(store).set({
      ...s,
      role_keys: (s.role_keys as string[]).map((k) => (k === from ? to : k)),
      default_role_key: s.default_role_key === from ? to : s.default_role_key,
      creator_role_key: s.creator_role_key === from ? to : s.creator_role_key,
    })
  const ms = store.collection('organization_memberships')
  for (const m of ms.values()) if (m.role === from) ms.set({...m, role: to})
}

function renderRoleSet(store: Store, s: JsonObject): Json {
  const members = store.collection('organization_memberships').values()
  const item = (key: string) => {
    const role = byKey(roles(store).values(), key)
    if (!role) return undefined
    const n = members.filter((m) => m.role === key).length
    return {
      object: 'role_set_item',
      id: role.id,
      name: role.name,
      key: role.key,
      description: role.description,
      members_count: n,
      has_members: n > 0,
      created_at: role.created_at,
      updated_at: role.updated_at,
    }
  }
  const {role_keys: keys, default_role_key: def, creator_role_key: creator, ...rest} = s
  return {
    ...rest,
    roles: (keys as string[]).map(item).filter(Boolean),
    default_role: item(def),
    creator_role: item(creator),
  }
}

function registerRoleSets(r: Router): void {
  const roleKey = (store: Store, key: unknown, param: string) => {
    if (typeof key !== 'string' || !key) throw paramMissing(param)
    if (!byKey(roles(store).values(), key)) throw valueInvalid(param, `role "${key}" does not exist.`)
    return key
  }
  const render = (store: Store) => (x: JsonObject) => renderRoleSet(store, x)
  r.get('/v1/role_sets', (ctx) => listReply(roleSets(ctx.store).values(), ctx, render(ctx.store)))
  r.get('/v1/role_sets/:role_set_key_or_id', ({store, params}) =>
    ok(renderRoleSet(store, find(roleSets(store).values(), params.role_set_key_or_id))),
  )
  r.post('/v1/role_sets', ({store, body}) => {
    checkParams(body, {
      name: 'string?',
      key: 'string?',
      description: 'string?',
      default_role_key: 'string?',
      creator_role_key: 'string?',
      type: 'string?',
      roles: 'strings',
    })
    const name = requireString(body, 'name')
    const key = body.key ?? `role_set:${name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '_')}`
    if (!/^role_set:[a-z0-9_]+$/.test(key)) throw valueInvalid('key', 'key must look like role_set:<name>.')
    if (byKey(roleSets(store).values(), key)) throw identifierExists('key')
    if (body.type !== undefined && body.type !== 'initial' && body.type !== 'custom')
      throw valueInvalid('type', 'type must be one of initial, custom.')
    const keys = stringsParam(body, 'roles')
    if (!keys || keys.length === 0) throw paramMissing('roles')
    for (const k of keys) roleKey(store, k, 'roles')
    const def = roleKey(store, body.default_role_key, 'default_role_key')
    const creator = roleKey(store, body.creator_role_key, 'creator_role_key')
    if (!keys.includes(def) || !keys.includes(creator))
      throw valueInvalid('roles', 'roles must include the default role and the creator role.')
    const now = Date.now()
    const type = body.type ?? 'custom'
    if (type === 'initial')
      for (const s of roleSets(store).values()) if (s.type === 'initial') roleSets(store).set({...s, type: 'custom'})
    const s = roleSets(store).set({
      object: 'role_set',
      id: newId('rs'),
      name,
      key,
      description: body.description ?? null,
      type,
      role_keys: [...new Set(keys)],
      default_role_key: def,
      creator_role_key: creator,
      created_at: now,
      updated_at: now,
    })
    return ok(renderRoleSet(store, s))
  })
  r.patch('/v1/role_sets/:role_set_key_or_id', ({store, params, body}) => {
    checkParams(body, {
      name: 'string?',
      key: 'string?',
      description: 'string?',
      type: 'string?',
      default_role_key: 'string?',
      creator_role_key: 'string?',
    })
    const s = find(roleSets(store).values(), params.role_set_key_or_id)
    const next: JsonObject = {...s, updated_at: Date.now()}
    if (body.name != null) next.name = body.name
    if (body.description !== undefined) next.description = body.description
    if (body.key != null && body.key !== s.key) {
      if (!/^role_set:[a-z0-9_]+$/.test(body.key)) throw valueInvalid('key', 'key must look like role_set:<name>.')
      if (byKey(roleSets(store).values(), body.key)) throw identifierExists('key')
      next.key = body.key
    }
    for (const param of ['default_role_key', 'creator_role_key'] as const) {
      if (body[param] == null) continue
      const k = roleKey(store, body[param], param)
      if (!(s.role_keys as string[]).includes(k)) throw valueInvalid(param, `${k} is not in the role set ${s.key}.`)
      next[param] = k
    }
    if (body.type != null) {
      if (body.type !== 'initial') throw valueInvalid('type', 'type can only be changed to initial.')
      for (const o of roleSets(store).values())
        if (o.type === 'initial' && o.id !== s.id) roleSets(store).set({...o, type: 'custom'})
      next.type = 'initial'
    }
    return ok(renderRoleSet(store, roleSets(store).set(next)))
  })
}

export function registerRoles(r: Router): void {
  registerPermissions(r)
  registerRoleRoutes(r)
  registerRoleSets(r)
}
