/** The one-time tokens an admin mints: actor tokens (impersonation), sign-in tokens, testing tokens. */
import type {Client, Row} from '../http/client.js'
import {usageError} from '../util/errors.js'
import {simpleColumns} from './rows.js'

const enc = encodeURIComponent

// Actor tokens (impersonation) and sign-in tokens: pending until used, revocable while pending.
export const ticketColumns = (format: string) =>
  simpleColumns(format, [
    ['id', 'ID'],
    ['status', 'STATUS'],
    ['user_id', 'USER'],
    ['url', 'URL'],
    ['token', 'TOKEN'],
    ['created', 'CREATED', 'created_at'],
  ])
export const TICKET_DEFAULTS = ['id', 'status', 'user_id', 'url', 'created']

export function createActorToken(
  client: Client,
  o: {userId: string; actor: string; expiresIn?: number; sessionMax?: number},
): Promise<Row> {
  let actor: Row
  if (o.actor.trim().startsWith('{')) {
    try {
      actor = JSON.parse(o.actor)
    } catch (error) {
      throw usageError(`--actor is not JSON: ${(error as Error).message}`)
    }
    if (typeof actor.sub !== 'string') throw usageError('--actor needs a "sub" (the impersonating user id)')
  } else actor = {sub: o.actor}
  const body: Row = {user_id: o.userId, actor}
  if (o.expiresIn !== undefined) body.expires_in_seconds = o.expiresIn
  if (o.sessionMax !== undefined) body.session_max_duration_in_seconds = o.sessionMax
  return client.request<Row>('POST', '/actor_tokens', {body})
}
export const revokeActorToken = (client: Client, id: string) =>
  client.request<Row>('POST', `/actor_tokens/${enc(id)}/revoke`)

export function createSignInToken(client: Client, o: {userId: string; expiresIn?: number}): Promise<Row> {
  const body: Row = {user_id: o.userId}
  if (o.expiresIn !== undefined) body.expires_in_seconds = o.expiresIn
  return client.request<Row>('POST', '/sign_in_tokens', {body})
}
export const revokeSignInToken = (client: Client, id: string) =>
  client.request<Row>('POST', `/sign_in_tokens/${enc(id)}/revoke`)

// Testing tokens: bypass bot protection in end-to-end tests (development instances).
export const testingColumns = (format: string) => ({
  ...simpleColumns(format, [['token', 'TOKEN']]),
  expires: {
    header: 'EXPIRES',
    get: (r: Row) => (typeof r.expires_at === 'number' ? new Date(r.expires_at * 1000).toISOString() : ''),
  },
})
export const createTestingToken = (client: Client) => client.request<Row>('POST', '/testing_tokens')
