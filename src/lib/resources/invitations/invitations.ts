/**
 * Invitations: organization invitations (`orgs invitations`) and instance invitations (`invitations ...`):
 * Clerk's limits, the objects and their columns, listing and revoking. Sending them (row validation, skip
 * lists, bulk batches) is in invites.ts.
 */
import type {Client, Query} from '../../http/client.js'
import {usageError} from '../../util/errors.js'
import type {Columns} from '../../output/columns.js'
import {formatTime, isoTime} from '../../output/columns.js'
import {type Page, checkRoleKey} from '../orgs.js'
import {listPages} from '../../http/pagers.js'
import type {Rate} from '../../http/rate.js'
import {paginate} from '../../http/pagers.js'

// ---- Clerk's published limits (docs "System limits"): per instance, per hour --------------------------

const HOUR = 3_600_000
export const INVITE_LIMITS = {
  org: {single: {limit: 250, windowMs: HOUR}, bulk: {limit: 50, windowMs: HOUR}},
  instance: {single: {limit: 100, windowMs: HOUR}, bulk: {limit: 25, windowMs: HOUR}},
} satisfies Record<string, {single: Rate; bulk: Rate}>

/** Items per bulk request (both bulk endpoints). */
export const BULK_SIZE = 10

// ---- objects and columns --------------------------------------------------------------------------------

export interface BapiOrgInvitation {
  id: string
  email_address: string
  role: string
  organization_id?: string
  inviter_id: string | null
  status: string
  public_metadata: Record<string, unknown>
  expires_at: number | null
  created_at: number
  [key: string]: unknown
}

export interface BapiInvitation {
  id: string
  email_address: string
  status: string
  revoked?: boolean
  url?: string
  public_metadata: Record<string, unknown>
  expires_at: number | null
  created_at: number
  [key: string]: unknown
}

const timeFor = (format: string) => (format === 'csv' ? isoTime : formatTime)

export function orgInvitationColumns(format: string): Columns<BapiOrgInvitation> {
  const time = timeFor(format)
  return {
    id: {header: 'ID', get: (i) => i.id},
    email: {header: 'EMAIL', get: (i) => i.email_address},
    role: {header: 'ROLE', get: (i) => i.role},
    status: {header: 'STATUS', get: (i) => i.status},
    inviter: {header: 'INVITER', get: (i) => i.inviter_id ?? ''},
    organization: {header: 'ORGANIZATION', get: (i) => i.organization_id},
    created: {header: 'CREATED', get: (i) => time(i.created_at)},
    expires: {header: 'EXPIRES', get: (i) => time(i.expires_at)},
    public_metadata: {header: 'PUBLIC METADATA', get: (i) => i.public_metadata},
  }
}

export const ORG_INVITATION_DEFAULT_COLUMNS = ['id', 'email', 'role', 'status', 'created', 'expires']

/** The keys of BAPI's Invitation object (spec components.schemas.Invitation). */
export const INVITATION_KEYS = [
  'object',
  'id',
  'email_address',
  'public_metadata',
  'revoked',
  'status',
  'url',
  'expires_at',
  'created_at',
  'updated_at',
]

export function invitationColumns(format: string): Columns<BapiInvitation> {
  const time = timeFor(format)
  return {
    id: {header: 'ID', get: (i) => i.id},
    email: {header: 'EMAIL', get: (i) => i.email_address},
    status: {header: 'STATUS', get: (i) => i.status},
    created: {header: 'CREATED', get: (i) => time(i.created_at)},
    expires: {header: 'EXPIRES', get: (i) => time(i.expires_at)},
    url: {header: 'URL', get: (i) => i.url ?? ''},
    public_metadata: {header: 'PUBLIC METADATA', get: (i) => i.public_metadata},
  }
}

export const INVITATION_DEFAULT_COLUMNS = ['id', 'email', 'status', 'created', 'expires']

// ---- listing and revoking ---------------------------------------------------------------------------------

const enc = encodeURIComponent
export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const

export function allOrgInvitations(
  client: Client,
  org: string,
  filter: {status?: string; email_address?: string; order_by?: string},
  opts: {pageSize: number; offset?: number; max?: number},
) {
  return listPages<BapiOrgInvitation>(
    (offset, limit) =>
      client.request<Page<BapiOrgInvitation>>('GET', `/organizations/${enc(org)}/invitations`, {
        query: {...filter, limit, offset},
      }),
    opts,
  )
}

export const revokeOrgInvitation = (client: Client, org: string, id: string, requestingUser?: string) =>
  client.request<BapiOrgInvitation>('POST', `/organizations/${enc(org)}/invitations/${enc(id)}/revoke`, {
    body: requestingUser ? {requesting_user_id: requestingUser} : {},
  })

/** GET /v1/invitations answers a bare array: pages run until a short one. */
export function allInvitations(
  client: Client,
  filter: {status?: string; query?: string; order_by?: string},
  opts: {pageSize: number; offset?: number; max?: number},
) {
  return paginate<BapiInvitation>(
    {
      page: (offset, limit) =>
        client.request<BapiInvitation[]>('GET', '/invitations', {query: {...filter, limit, offset} as Query}),
    },
    opts,
  )
}

export const revokeInvitation = (client: Client, id: string) =>
  client.request<BapiInvitation>('POST', `/invitations/${enc(id)}/revoke`)

export function checkStatus(status: string | undefined): string | undefined {
  if (status && !(INVITATION_STATUSES as readonly string[]).includes(status))
    throw usageError(`invalid --status ${status}`, `use one of ${INVITATION_STATUSES.join(', ')}`)
  return status
}

export {checkRoleKey}
