/** Sessions (BAPI /v1/sessions): list pages, get, revoke, and a user's sessions revoked in one go. */
import type {Client} from '../http/client.js'
import {instanceKind} from '../config/resolve.js'
import {confirmDestructive, instanceLabel, type PromptContext} from '../output/prompts.js'
import {type Columns, formatTime, isoTime} from '../output/columns.js'
import {paginate} from '../http/pagers.js'

export interface BapiSession {
  object: 'session'
  id: string
  user_id: string
  client_id: string
  status: string
  last_active_at: number
  expire_at: number
  abandon_at: number
  created_at: number
  updated_at: number
  [key: string]: unknown
}

export const SESSION_STATUSES = [
  'active',
  'revoked',
  'ended',
  'expired',
  'removed',
  'abandoned',
  'replaced',
  'pending',
] as const

export interface SessionFilter {
  user_id?: string
  client_id?: string
  status?: string
}

export function sessionColumns(format: string): Columns<BapiSession> {
  const time = format === 'csv' ? isoTime : formatTime
  return {
    id: {header: 'ID', get: (s) => s.id},
    user_id: {header: 'USER', get: (s) => s.user_id},
    client_id: {header: 'CLIENT', get: (s) => s.client_id},
    status: {header: 'STATUS', get: (s) => s.status},
    last_active: {header: 'LAST ACTIVE', get: (s) => time(s.last_active_at)},
    expires: {header: 'EXPIRES', get: (s) => time(s.expire_at)},
    created: {header: 'CREATED', get: (s) => time(s.created_at)},
  }
}

export const SESSION_DEFAULT_COLUMNS = ['id', 'user_id', 'status', 'last_active', 'expires']

const sessionPath = (id: string, suffix = '') => `/sessions/${encodeURIComponent(id)}${suffix}`

/** One page, newest first (a bare array: without `paginated=true` BAPI sends no envelope). */
export const listSessionsPage = (client: Client, filter: SessionFilter, offset: number, limit: number) =>
  client.request<BapiSession[]>('GET', '/sessions', {query: {...filter, limit, offset}})

/** Every matching session: pages until a short one (BAPI has no count endpoint for sessions). */
export const allSessions = (
  client: Client,
  filter: SessionFilter,
  opts: {pageSize: number; offset?: number; max?: number},
) => paginate<BapiSession>({page: (offset, limit) => listSessionsPage(client, filter, offset, limit)}, opts)

export const getSession = (client: Client, id: string) => client.request<BapiSession>('GET', sessionPath(id))

export const revokeSession = (client: Client, id: string) =>
  client.request<BapiSession>('POST', sessionPath(id, '/revoke'))

/** The user's active sessions, then one revoke each (paced by the shared limiter): the revoked sessions. */
export async function activeSessionsOf(client: Client, userId: string): Promise<BapiSession[]> {
  const out: BapiSession[] = []
  for await (const s of allSessions(client, {user_id: userId, status: 'active'}, {pageSize: 500})) out.push(s)
  return out
}

export const revokeAll = (client: Client, sessions: BapiSession[]) =>
  Promise.all(sessions.map((s) => revokeSession(client, s.id)))

/** Confirm revoking one session (without a terminal: --yes or exit 2, nothing sent); at a terminal the prompt names its user and the instance (sk_live_: type the id). */
export async function confirmRevoke(ctx: PromptContext, id: string, getClient: () => Promise<Client>): Promise<void> {
  if (ctx.yes || !ctx.interactive) return confirmDestructive(ctx, `revoke session ${id}`) // no request before this
  const client = await getClient()
  const s = await getSession(client, id)
  const production = instanceKind(client.config.secretKey) === 'production'
  await confirmDestructive(ctx, `revoke session ${id} (${s.status}) of user ${s.user_id} on ${instanceLabel(client)}`, {
    production,
    typed: id,
  })
}
