/**
 * M2M tokens: /m2m_tokens (not under /v1, as @clerk/backend calls it). Creating one needs the machine's own
 * secret key as the bearer, not the instance key: the CLI takes it from CLERK_MACHINE_SECRET_KEY, or reads
 * it (GET /v1/machines/{id}/secret_key, with the instance key) for `--machine`; it is never printed.
 * Listing and revoking use the instance key. The token (`mt_…`) is printed once, by `m2m-tokens create`.
 */
import type {Client, Row} from '../../http/client.js'
import {listPages} from '../../http/pagers.js'
import {usageError} from '../../util/errors.js'
import {simpleColumns} from '../rows.js'
import {tokenColumns} from './api-keys.js'
import {machineSecretKey} from './machines.js'

const enc = encodeURIComponent
const root = {versioned: false} as const

export const m2mColumns = (format: string) => ({
  ...simpleColumns(format, [
    ['id', 'ID'],
    ['subject', 'MACHINE'],
    ['revoked', 'REVOKED'],
    ['revocation_reason', 'REVOCATION REASON'],
    ['expired', 'EXPIRED'],
    ['token', 'TOKEN'],
    ['last_used', 'LAST USED', 'last_used_at'],
    ['created', 'CREATED', 'created_at'],
  ]),
  ...tokenColumns(format),
  claims: {header: 'CLAIMS', get: (r: Row) => (r.claims == null ? '' : JSON.stringify(r.claims))},
})
export const M2M_LIST_DEFAULTS = ['id', 'subject', 'scopes', 'revoked', 'expires', 'created']
export const M2M_CREATED_DEFAULTS = ['id', 'subject', 'scopes', 'expires', 'token']

export interface M2mFilter {
  machine: string
  revoked?: boolean
  expired?: boolean
  limit?: number
}

export function listM2mTokens(client: Client, f: M2mFilter): AsyncGenerator<Row> {
  const query = {subject: f.machine, revoked: f.revoked || undefined, expired: f.expired || undefined}
  return listPages<Row>(
    (offset, limit) => client.request('GET', '/m2m_tokens', {...root, query: {...query, limit, offset}}),
    {pageSize: Math.min(100, f.limit ?? 100), max: f.limit},
    (data) => {
      const page = data as {m2m_tokens?: Row[]; total_count?: number}
      return {items: page?.m2m_tokens ?? [], total: page?.total_count}
    },
  )
}

export interface M2mCreate {
  /** mch_…: mint as this machine (its secret key is read with the instance key) */
  machine?: string
  /** the machine's secret key as given (CLERK_MACHINE_SECRET_KEY) */
  machineSecretKey?: string
  expiresInSeconds?: number
  claims?: Row
  /** reuse a live token with the same claims and scopes that has at least this many seconds left */
  reuseMinSeconds?: number
}

export async function createM2mToken(client: Client, o: M2mCreate): Promise<Row> {
  const bearer = o.machine ? await machineSecretKey(client, o.machine) : o.machineSecretKey
  if (!bearer)
    throw usageError(
      'which machine? an M2M token is minted with a machine secret key',
      'give --machine mch_… (the key is looked up with your secret key) or set CLERK_MACHINE_SECRET_KEY',
    )
  const body: Row = {token_format: 'opaque'}
  if (o.expiresInSeconds !== undefined) body.seconds_until_expiration = o.expiresInSeconds
  if (o.claims !== undefined) body.claims = o.claims
  if (o.reuseMinSeconds !== undefined) body.min_remaining_ttl_seconds = o.reuseMinSeconds
  return client.request<Row>('POST', '/m2m_tokens', {...root, body, bearer})
}

export const revokeM2mToken = (client: Client, id: string, reason?: string) =>
  client.request<Row>('POST', `/m2m_tokens/${enc(id)}/revoke`, {...root, body: {revocation_reason: reason ?? null}})
