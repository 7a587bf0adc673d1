/**
 * API keys: /api_keys (not under /v1, as @clerk/backend calls it). A key belongs to a subject (a user,
 * organization or machine); its secret (`ak_…`) is printed by `api-keys create` and `api-keys secret` only.
 */
import type {Client, Row} from '../../http/client.js'
import {listPages} from '../../http/pagers.js'
import {formatTime, isoTime} from '../../output/columns.js'
import {usageError} from '../../util/errors.js'
import {checkId} from '../../util/ids.js'
import {simpleColumns} from '../rows.js'

const enc = encodeURIComponent
const root = {versioned: false} as const

export const apiKeyColumns = (format: string) => ({
  ...simpleColumns(format, [
    ['id', 'ID'],
    ['name', 'NAME'],
    ['subject', 'SUBJECT'],
    ['description', 'DESCRIPTION'],
    ['revoked', 'REVOKED'],
    ['revocation_reason', 'REVOCATION REASON'],
    ['expired', 'EXPIRED'],
    ['secret', 'SECRET'],
    ['last_used', 'LAST USED', 'last_used_at'],
    ['created', 'CREATED', 'created_at'],
  ]),
  ...tokenColumns(format),
})
export const API_KEY_LIST_DEFAULTS = ['id', 'name', 'subject', 'scopes', 'revoked', 'expired', 'created']
export const API_KEY_DEFAULTS = ['id', 'name', 'subject', 'description', 'scopes', 'revoked', 'expires', 'last_used']
export const API_KEY_CREATED_DEFAULTS = ['id', 'name', 'subject', 'scopes', 'expires', 'secret']

/** The columns API keys and M2M tokens share: scopes, and `expiration` (epoch ms) shown as a time. */
export const tokenColumns = (format: string) => ({
  scopes: {header: 'SCOPES', get: (r: Row) => ((r.scopes ?? []) as string[]).join(' ')},
  expires: {header: 'EXPIRES', get: (r: Row) => (format === 'csv' ? isoTime : formatTime)(r.expiration)},
})

/** A key's subject: user_…, org_… or mch_… (exit 2 otherwise). */
export function subjectId(value: string): string {
  if (value.startsWith('org_')) return checkId('org', value, {name: '--subject'})
  if (value.startsWith('mch_')) return checkId('mch', value, {name: '--subject'})
  return checkId('user', value, {name: '--subject'})
}

export interface ApiKeyFilter {
  subject: string
  includeInvalid?: boolean
  query?: string
  limit?: number
}

export function listApiKeys(client: Client, f: ApiKeyFilter): AsyncGenerator<Row> {
  const query = {subject: f.subject, include_invalid: f.includeInvalid ? 'true' : undefined, query: f.query}
  return listPages<Row>(
    (offset, limit) => client.request('GET', '/api_keys', {...root, query: {...query, limit, offset}}),
    {pageSize: Math.min(100, f.limit ?? 100), max: f.limit},
  )
}

export const getApiKey = (client: Client, id: string) => client.request<Row>('GET', `/api_keys/${enc(id)}`, root)

export interface ApiKeyFields {
  name?: string
  subject?: string
  description?: string
  scopes?: string[]
  claims?: Row
  createdBy?: string
  expiresInSeconds?: number
}

function bodyOf(o: ApiKeyFields): Row {
  const body: Row = {}
  if (o.name !== undefined) body.name = o.name
  if (o.subject !== undefined) body.subject = o.subject
  if (o.description !== undefined) body.description = o.description
  if (o.scopes !== undefined) body.scopes = o.scopes
  if (o.claims !== undefined) body.claims = o.claims
  if (o.createdBy !== undefined) body.created_by = o.createdBy
  if (o.expiresInSeconds !== undefined) body.seconds_until_expiration = o.expiresInSeconds
  return body
}

export const createApiKey = (client: Client, o: ApiKeyFields & {name: string; subject: string}) =>
  client.request<Row>('POST', '/api_keys', {...root, body: bodyOf(o)})

export function updateApiKey(client: Client, id: string, o: ApiKeyFields): Promise<Row> {
  const body = bodyOf(o)
  if (Object.keys(body).length === 0)
    throw usageError(
      'nothing to update',
      'give at least one of --description, --scope, --claims, --subject, --expires-in',
    )
  return client.request<Row>('PATCH', `/api_keys/${enc(id)}`, {...root, body})
}

export const revokeApiKey = (client: Client, id: string, reason?: string) =>
  client.request<Row>('POST', `/api_keys/${enc(id)}/revoke`, {...root, body: {revocation_reason: reason ?? null}})

export const apiKeySecret = async (client: Client, id: string) =>
  (await client.request<Row>('GET', `/api_keys/${enc(id)}/secret`, root)).secret as string
