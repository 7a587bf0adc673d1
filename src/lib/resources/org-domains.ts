/**
 * Organization domains: /v1/organizations/{id}/domains (list, add, update, remove, verify_ownership) and the
 * instance-wide /v1/organization_domains. The organization is named by id or slug (a slug costs one lookup).
 */
import type {Client, Row} from '../http/client.js'
import {listAll} from '../http/pagers.js'
import {usageError} from '../util/errors.js'
import {orgId} from './orgs.js'
import {simpleColumns} from './rows.js'

export const ENROLLMENT_MODES = ['manual_invitation', 'automatic_invitation', 'automatic_suggestion'] as const

const status = (v: unknown) => (v as Row | null)?.status ?? ''
export const orgDomainColumns = (format: string) => ({
  ...simpleColumns(format, [
    ['id', 'ID'],
    ['org', 'ORGANIZATION', 'organization_id'],
    ['name', 'NAME'],
    ['enrollment_mode', 'ENROLLMENT'],
    ['pending_invitations', 'PENDING INVITATIONS', 'total_pending_invitations'],
    ['pending_suggestions', 'PENDING SUGGESTIONS', 'total_pending_suggestions'],
    ['created', 'CREATED', 'created_at'],
    ['updated', 'UPDATED', 'updated_at'],
  ]),
  verified: {header: 'AFFILIATION', get: (r: Row) => status(r.affiliation_verification)},
  ownership: {header: 'OWNERSHIP', get: (r: Row) => status(r.ownership_verification) || 'none'},
})
export const ORG_DOMAIN_DEFAULTS = ['id', 'name', 'enrollment_mode', 'verified', 'ownership']
export const ALL_ORG_DOMAIN_DEFAULTS = ['id', 'org', 'name', 'enrollment_mode', 'verified', 'ownership']

export interface OrgDomainFilter {
  verified?: boolean
  /** modes to keep; a leading `-` excludes one */
  enrollmentModes?: string[]
  limit?: number
}

const enc = encodeURIComponent
const base = async (client: Client, org: string) => `/organizations/${enc(await orgId(client, org))}/domains`

/** One organization's domains, page by page. */
export async function listOrgDomains(client: Client, org: string, f: OrgDomainFilter): Promise<AsyncIterable<Row>> {
  const modes = f.enrollmentModes ?? []
  if (modes.length > 1) throw usageError('one --enrollment-mode per organization list', 'or use --all-orgs')
  return listAll(
    client,
    await base(client, org),
    {verified: f.verified === undefined ? undefined : String(f.verified), enrollment_mode: modes[0]},
    {limit: f.limit},
  )
}

/** Every organization's domains (GET /v1/organization_domains), with its server-side filters. */
export function listAllOrgDomains(
  client: Client,
  f: OrgDomainFilter & {query?: string; domains?: string[]; orderBy?: string},
): AsyncIterable<Row> {
  return listAll(
    client,
    '/organization_domains',
    {
      verified: f.verified === undefined ? undefined : String(f.verified),
      // a comma-separated list here (the spec's style: form, explode: false)
      enrollment_mode: f.enrollmentModes?.length ? f.enrollmentModes.join(',') : undefined,
      query: f.query,
      domains: f.domains,
      order_by: f.orderBy,
    },
    {limit: f.limit},
  )
}

export const addOrgDomain = async (client: Client, org: string, body: Row) =>
  client.request<Row>('POST', await base(client, org), {body})

export async function updateOrgDomain(client: Client, org: string, id: string, body: Row): Promise<Row> {
  if (Object.keys(body).length === 0)
    throw usageError('nothing to update', 'give --enrollment-mode, --verified or --no-verified')
  return client.request<Row>('PATCH', `${await base(client, org)}/${enc(id)}`, {body})
}

export const removeOrgDomain = async (client: Client, org: string, id: string) =>
  client.request<Row>('DELETE', `${await base(client, org)}/${enc(id)}`)

export const verifyOrgDomainOwnership = async (client: Client, org: string, id: string) =>
  client.request<Row>('POST', `${await base(client, org)}/${enc(id)}/verify_ownership`)
