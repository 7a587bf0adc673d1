/**
 * Organization roles, permissions and role sets: /v1/organization_roles, /v1/organization_permissions,
 * /v1/role_sets. Roles and permissions are named by id or key (a key costs one cached list lookup);
 * `checkInstanceRole` checks a role key against the instance's roles before a membership or invitation is sent.
 */
import {ApiError, type Client, type Row} from '../http/client.js'
import {listAll} from '../http/pagers.js'
import {usageError} from '../util/errors.js'
import {closest} from '../util/suggest.js'
import {simpleColumns} from './rows.js'

/** The keys of a list of roles or permissions, space-separated (table and CSV cells). */
const keysOf = (items: unknown) => ((items ?? []) as Row[]).map((x) => x.key).join(' ')
type Spec = Array<[string, string, string?]>
const KEYED: Spec = [
  ['id', 'ID'],
  ['key', 'KEY'],
  ['name', 'NAME'],
]
const TIMES: Spec = [
  ['created', 'CREATED', 'created_at'],
  ['updated', 'UPDATED', 'updated_at'],
]

export const roleColumns = (format: string) => ({
  ...simpleColumns(format, [
    ...KEYED,
    ['description', 'DESCRIPTION'],
    ['creator_eligible', 'CREATOR ELIGIBLE', 'is_creator_eligible'],
    ...TIMES,
  ]),
  permissions: {header: 'PERMISSIONS', get: (r: Row) => keysOf(r.permissions)},
})
export const ROLE_LIST_DEFAULTS = ['id', 'key', 'name', 'permissions']
export const ROLE_DEFAULTS = ['id', 'key', 'name', 'description', 'permissions', 'creator_eligible', 'updated']

export const permissionColumns = (format: string) =>
  simpleColumns(format, [...KEYED, ['type', 'TYPE'], ['description', 'DESCRIPTION'], ...TIMES])
export const PERMISSION_LIST_DEFAULTS = ['id', 'key', 'name', 'type']
export const PERMISSION_DEFAULTS = ['id', 'key', 'name', 'type', 'description', 'created', 'updated']

export const roleSetColumns = (format: string) => ({
  ...simpleColumns(format, [...KEYED, ['type', 'TYPE'], ['description', 'DESCRIPTION'], ...TIMES]),
  roles: {header: 'ROLES', get: (r: Row) => keysOf(r.roles)},
  default_role: {header: 'DEFAULT ROLE', get: (r: Row) => r.default_role?.key},
  creator_role: {header: 'CREATOR ROLE', get: (r: Row) => r.creator_role?.key},
})
export const ROLE_SET_LIST_DEFAULTS = ['id', 'key', 'name', 'type', 'default_role', 'roles']
export const ROLE_SET_DEFAULTS = ['id', 'key', 'name', 'type', 'description', 'roles', 'default_role', 'creator_role']

export interface ListFilter {
  query?: string
  orderBy?: string
  limit?: number
}
const listQuery = (f: ListFilter) => ({query: f.query, order_by: f.orderBy})

const enc = encodeURIComponent

// ---- roles ------------------------------------------------------------------------------------------

export const listRoles = (client: Client, f: ListFilter = {}) =>
  listAll(client, '/organization_roles', listQuery(f), {limit: f.limit})

const cache = new WeakMap<Client, Promise<Row[]>>()
/** Every role of the instance, fetched once per process (the lookup behind keys and the role check). */
export function instanceRoles(client: Client): Promise<Row[]> {
  let p = cache.get(client)
  if (!p) {
    p = (async () => {
      const rows: Row[] = []
      for await (const r of listRoles(client)) rows.push(r)
      return rows
    })()
    cache.set(client, p)
  }
  return p
}

/** A role id for `ref` (role_... as is, else a key looked up among the instance's roles). */
export async function roleId(client: Client, ref: string): Promise<string> {
  if (ref.startsWith('role_')) return ref
  const roles = await instanceRoles(client)
  const found = roles.find((r) => r.key === ref)
  if (!found) throw unknownKey('role', ref, roles)
  return found.id
}

function unknownKey(what: string, key: string, rows: Row[]) {
  const keys = rows.map((r) => String(r.key))
  const near = closest(key, keys)[0]
  return usageError(
    `unknown ${what} "${key}"`,
    `${near ? `did you mean ${near}? ` : ''}this instance's ${what}s: ${keys.join(', ') || 'none'}`,
  )
}

/**
 * Check a role key against the instance's roles (one cached lookup) before sending it: an unknown key is a
 * usage error (exit 2) with a did-you-mean. When the roles cannot be listed (a plan without custom roles,
 * a key without access), BAPI is left to judge.
 */
export async function checkInstanceRole(client: Client, role: string): Promise<void> {
  let roles: Row[]
  try {
    roles = await instanceRoles(client)
  } catch (error) {
    if (error instanceof ApiError && [402, 403, 404].includes(error.status ?? 0)) return
    throw error
  }
  if (!roles.some((r) => r.key === role)) throw unknownKey('role', role, roles)
}

export const getRole = async (client: Client, ref: string) =>
  client.request<Row>('GET', `/organization_roles/${enc(await roleId(client, ref))}`)
export const createRole = (client: Client, body: Row) => client.request<Row>('POST', '/organization_roles', {body})
export async function updateRole(client: Client, ref: string, body: Row): Promise<Row> {
  if (Object.keys(body).length === 0)
    throw usageError('nothing to update', 'give at least one of --name, --key, --description, --permission')
  return client.request<Row>('PATCH', `/organization_roles/${enc(await roleId(client, ref))}`, {body})
}
export const deleteRole = async (client: Client, ref: string) =>
  client.request<Row>('DELETE', `/organization_roles/${enc(await roleId(client, ref))}`)

/** Assign (POST) or remove (DELETE) one permission of a role; both take ids or keys. */
export async function rolePermission(client: Client, method: 'POST' | 'DELETE', role: string, permission: string) {
  const [r, p] = await Promise.all([roleId(client, role), permissionId(client, permission)])
  return client.request<Row>(method, `/organization_roles/${enc(r)}/permissions/${enc(p)}`)
}

// ---- permissions ------------------------------------------------------------------------------------

export const listPermissions = (client: Client, f: ListFilter = {}) =>
  listAll(client, '/organization_permissions', listQuery(f), {limit: f.limit})

const permCache = new WeakMap<Client, Promise<Row[]>>()
/** A permission id for `ref` (perm_... as is, else a key looked up once among the instance's permissions). */
export async function permissionId(client: Client, ref: string): Promise<string> {
  if (ref.startsWith('perm_')) return ref
  let p = permCache.get(client)
  if (!p) {
    p = (async () => {
      const rows: Row[] = []
      for await (const r of listPermissions(client)) rows.push(r)
      return rows
    })()
    permCache.set(client, p)
  }
  const rows = await p
  const found = rows.find((r) => r.key === ref)
  if (!found) throw unknownKey('permission', ref, rows)
  return found.id
}

export const getPermission = async (client: Client, ref: string) =>
  client.request<Row>('GET', `/organization_permissions/${enc(await permissionId(client, ref))}`)
export const createPermission = (client: Client, body: Row) =>
  client.request<Row>('POST', '/organization_permissions', {body})
export async function updatePermission(client: Client, ref: string, body: Row): Promise<Row> {
  if (Object.keys(body).length === 0)
    throw usageError('nothing to update', 'give at least one of --name, --key, --description')
  return client.request<Row>('PATCH', `/organization_permissions/${enc(await permissionId(client, ref))}`, {body})
}
export const deletePermission = async (client: Client, ref: string) =>
  client.request<Row>('DELETE', `/organization_permissions/${enc(await permissionId(client, ref))}`)

// ---- role sets --------------------------------------------------------------------------------------

export const listRoleSets = (client: Client, f: ListFilter = {}) =>
  listAll(client, '/role_sets', listQuery(f), {limit: f.limit})
export const getRoleSet = (client: Client, keyOrId: string) => client.request<Row>('GET', `/role_sets/${enc(keyOrId)}`)
export const createRoleSet = (client: Client, body: Row) => client.request<Row>('POST', '/role_sets', {body})
export function updateRoleSet(client: Client, keyOrId: string, body: Row): Promise<Row> {
  if (Object.keys(body).length === 0)
    throw usageError(
      'nothing to update',
      'give at least one of --name, --key, --description, --default-role, --creator-role, --initial',
    )
  return client.request<Row>('PATCH', `/role_sets/${enc(keyOrId)}`, {body})
}

/** Flag values -> a body, leaving out what was not given. */
export function compactBody(fields: Record<string, unknown>): Row {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
}
