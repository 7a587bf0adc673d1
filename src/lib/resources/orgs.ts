import type {Client, Query} from '../http/client.js'
import {ROLE_KEY} from '../util/patterns.js'
import {CliError, ExitCode, usageError} from '../util/errors.js'
import {type Columns, formatTime, isoTime} from '../output/columns.js'
import {listPages} from '../http/pagers.js'
import {checkInstanceRole} from './roles.js'

/** An organization as BAPI returns it (snake_case). Only the fields the CLI reads are typed. */
export interface BapiOrg {
  id: string
  name: string
  slug: string
  members_count?: number
  max_allowed_memberships: number
  public_metadata: Record<string, unknown>
  private_metadata?: Record<string, unknown>
  created_by?: string
  created_at: number
  updated_at: number
  [key: string]: unknown
}

export interface BapiMembership {
  id: string
  role: string
  role_name?: string
  public_metadata: Record<string, unknown>
  organization: BapiOrg
  public_user_data?: {
    user_id: string
    first_name: string | null
    last_name: string | null
    identifier: string | null
    username?: string | null
  }
  created_at: number
  updated_at: number
  [key: string]: unknown
}

export interface Page<T> {
  data: T[]
  total_count: number
}

const timeFor = (format: string) => (format === 'csv' ? isoTime : formatTime)

export function orgColumns(format: string): Columns<BapiOrg> {
  const time = timeFor(format)
  return {
    id: {header: 'ID', get: (o) => o.id},
    name: {header: 'NAME', get: (o) => o.name},
    slug: {header: 'SLUG', get: (o) => o.slug},
    members: {header: 'MEMBERS', get: (o) => o.members_count ?? ''},
    max_members: {header: 'MAX MEMBERS', get: (o) => o.max_allowed_memberships || 'unlimited'},
    created_by: {header: 'CREATED BY', get: (o) => o.created_by ?? ''},
    created: {header: 'CREATED', get: (o) => time(o.created_at)},
    updated: {header: 'UPDATED', get: (o) => time(o.updated_at)},
    public_metadata: {header: 'PUBLIC METADATA', get: (o) => o.public_metadata},
    private_metadata: {header: 'PRIVATE METADATA', get: (o) => o.private_metadata},
  }
}

export const ORG_DEFAULT_COLUMNS = ['id', 'name', 'slug', 'members', 'created']

export function memberColumns(format: string): Columns<BapiMembership> {
  const time = timeFor(format)
  const u = (m: BapiMembership) => m.public_user_data
  return {
    user_id: {header: 'USER ID', get: (m) => u(m)?.user_id},
    identifier: {header: 'IDENTIFIER', get: (m) => u(m)?.identifier ?? ''},
    name: {header: 'NAME', get: (m) => [u(m)?.first_name, u(m)?.last_name].filter(Boolean).join(' ')},
    role: {header: 'ROLE', get: (m) => m.role},
    id: {header: 'MEMBERSHIP ID', get: (m) => m.id},
    organization: {header: 'ORGANIZATION', get: (m) => m.organization?.id},
    joined: {header: 'JOINED', get: (m) => time(m.created_at)},
    public_metadata: {header: 'PUBLIC METADATA', get: (m) => m.public_metadata},
  }
}

export const MEMBER_DEFAULT_COLUMNS = ['user_id', 'identifier', 'name', 'role', 'joined']

export interface OrgFilter {
  query?: string
  user_id?: string[]
  organization_id?: string[]
  order_by?: string
  include_members_count?: boolean
  [key: string]: Query[string]
}

export const listOrgsPage = (client: Client, filter: OrgFilter, offset: number, limit: number) =>
  client.request<Page<BapiOrg>>('GET', '/organizations', {query: {...filter, limit, offset}})

export function allOrgs(client: Client, filter: OrgFilter, opts: {pageSize: number; offset?: number; max?: number}) {
  return listPages<BapiOrg>((offset, limit) => listOrgsPage(client, filter, offset, limit), opts)
}

const enc = encodeURIComponent

/** GET /organizations/{id_or_slug}: BAPI accepts either. */
export function getOrg(client: Client, idOrSlug: string, withCount = false): Promise<BapiOrg> {
  if (!idOrSlug.trim()) throw usageError('an organization id or slug is required')
  return client
    .request<BapiOrg>('GET', `/organizations/${enc(idOrSlug)}`, {
      query: {include_members_count: withCount || undefined},
    })
    .catch((error) => {
      if ((error as {status?: number}).status === 404)
        throw new CliError(
          `no organization with id or slug "${idOrSlug}" (HTTP 404 resource_not_found)`,
          ExitCode.FAILURE,
          {
            status: 404,
            code: 'resource_not_found',
          },
        )
      throw error
    })
}

/** The organization id for an `org_...` id (as is) or a slug (one lookup). */
export async function orgId(client: Client, idOrSlug: string): Promise<string> {
  return idOrSlug.startsWith('org_') ? idOrSlug : (await getOrg(client, idOrSlug)).id
}

export interface OrgFields {
  name?: string
  slug?: string
  created_by?: string
  max_allowed_memberships?: number
  admin_delete_enabled?: boolean
  public_metadata?: Record<string, unknown>
  private_metadata?: Record<string, unknown>
}

const compact = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>

export const createOrg = (client: Client, fields: OrgFields) =>
  client.request<BapiOrg>('POST', '/organizations', {body: compact(fields)})

export async function updateOrg(client: Client, idOrSlug: string, fields: OrgFields): Promise<BapiOrg> {
  const body = compact(fields)
  if (Object.keys(body).length === 0)
    throw usageError('nothing to update', 'pass --name, --slug, --max-members or --admin-delete')
  return client.request<BapiOrg>('PATCH', `/organizations/${enc(await orgId(client, idOrSlug))}`, {body})
}

export const deleteOrg = (client: Client, id: string) =>
  client.request<{id: string; deleted: boolean}>('DELETE', `/organizations/${enc(id)}`)

// ---- memberships --------------------------------------------------------------------------------------

export interface MemberFilter {
  query?: string
  role?: string[]
  email_address?: string[]
  user_id?: string[]
  order_by?: string
  [key: string]: Query[string]
}

export function allMembers(
  client: Client,
  org: string,
  filter: MemberFilter,
  opts: {pageSize: number; offset?: number; max?: number},
) {
  return listPages<BapiMembership>(
    (offset, limit) =>
      client.request<Page<BapiMembership>>('GET', `/organizations/${enc(org)}/memberships`, {
        query: {...filter, limit, offset},
      }),
    opts,
  )
}

/** A user id as given (`user_...`), or the id of the user with this email address. */
export async function userIdFor(client: Client, who: string): Promise<string> {
  if (!who.includes('@')) return who
  const users = await client.request<Array<{id: string}>>('GET', '/users', {query: {email_address: [who], limit: 1}})
  if (!users[0])
    throw new CliError(`no user with email address ${who}`, ExitCode.FAILURE, {
      hint: 'invite them instead: clerk orgs invite ORG --email ...',
    })
  return users[0].id
}

export function checkRoleKey(role: string): string {
  if (!ROLE_KEY.test(role)) throw usageError(`invalid role "${role}"`, 'roles are keys such as org:admin or org:member')
  return role
}

export async function addMember(
  client: Client,
  orgRef: string,
  who: string,
  role: string,
  pub?: Record<string, unknown>,
) {
  checkRoleKey(role)
  const [org, userId] = await Promise.all([
    orgId(client, orgRef),
    userIdFor(client, who),
    checkInstanceRole(client, role),
  ])
  return client.request<BapiMembership>('POST', `/organizations/${enc(org)}/memberships`, {
    body: compact({user_id: userId, role, public_metadata: pub}),
  })
}

export async function removeMember(client: Client, orgRef: string, who: string) {
  const [org, userId] = await Promise.all([orgId(client, orgRef), userIdFor(client, who)])
  return client.request<BapiMembership>('DELETE', `/organizations/${enc(org)}/memberships/${enc(userId)}`)
}

export async function setMemberRole(client: Client, orgRef: string, who: string, role: string) {
  checkRoleKey(role)
  const [org, userId] = await Promise.all([
    orgId(client, orgRef),
    userIdFor(client, who),
    checkInstanceRole(client, role),
  ])
  return client.request<BapiMembership>('PATCH', `/organizations/${enc(org)}/memberships/${enc(userId)}`, {
    body: {role},
  })
}

/** PATCH (merge) or PUT (replace) /organizations/{id}/metadata, as planned by lib/metadata.ts. */
export const sendOrgMetadata = (
  client: Client,
  id: string,
  plan: {method: 'PATCH' | 'PUT'; body: Record<string, unknown>},
) => client.request<BapiOrg>(plan.method, `/organizations/${enc(id)}/metadata`, {body: plan.body})
