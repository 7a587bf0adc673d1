/**
 * /v1/sessions: list (user_id / client_id / status filters, newest first, limit/offset; `paginated=true`
 * answers `{data, total_count}` as @clerk/backend expects, otherwise a bare array as the spec documents),
 * get, revoke, and create (BAPI's testing-only endpoint, which is how tests and scripts get sessions).
 */
import {newId} from '../ids.js'
import {notFound, paramMissing, paramUnknown, typeInvalid, valueInvalid} from '../errors.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {JsonObject, Store} from '../store.js'

export const SESSION_STATUSES = ['active', 'revoked', 'ended', 'expired', 'removed', 'abandoned', 'replaced', 'pending']
const DAY = 86_400_000

/** A Session object as BAPI returns it: active, expiring in 7 days, abandoned after 30. */
export function buildSession(
  f: {user_id: string; client_id?: string; status?: string; active_organization_id?: string | null},
  now = Date.now(),
): JsonObject {
  return {
    object: 'session',
    id: newId('sess'),
    user_id: f.user_id,
    client_id: f.client_id ?? newId('client'),
    actor: null,
    status: f.status ?? 'active',
    last_active_organization_id: f.active_organization_id ?? null,
    last_active_at: now,
    latest_activity: null,
    expire_at: now + 7 * DAY,
    abandon_at: now + 30 * DAY,
    updated_at: now,
    created_at: now,
    tasks: null,
  }
}

const sessions = (store: Store) => store.collection('sessions')

/** Set every active session of a user to `status` (a ban revokes them; BAPI does the same). */
export function endUserSessions(store: Store, userId: string, status: 'revoked' | 'removed'): void {
  const now = Date.now()
  for (const s of sessions(store).values()) {
    if (s.user_id === userId && (s.status === 'active' || s.status === 'pending'))
      sessions(store).set({...s, status, updated_at: now})
  }
}

export function registerSessions(r: Router): void {
  r.get('/v1/sessions', listSessions)
  r.post('/v1/sessions', createSession)
  r.get('/v1/sessions/:session_id', ({store, params}) => ok(findSession(store, params.session_id)))
  r.post('/v1/sessions/:session_id/revoke', ({store, params}) => {
    const s = findSession(store, params.session_id)
    if (s.status !== 'active' && s.status !== 'pending') return ok(s)
    return ok(sessions(store).set({...s, status: 'revoked', updated_at: Date.now()}))
  })
}

function findSession(store: Store, id: string): JsonObject {
  const s = sessions(store).get(id)
  if (!s) throw notFound('SessionNotFound', {sessionID: id})
  return s
}

function int(q: URLSearchParams, name: string, fallback: number): number {
  const v = q.get(name)
  if (v === null || v === '') return fallback
  if (!/^-?\d+$/.test(v)) throw typeInvalid(name, 'integer')
  return Number(v)
}

function listSessions({store, query}: RequestContext) {
  const userId = query.get('user_id') || undefined
  const clientId = query.get('client_id') || undefined
  const status = query.get('status') || undefined
  if (status && !SESSION_STATUSES.includes(status))
    throw valueInvalid('status', `status must be one of: ${SESSION_STATUSES.join(', ')}.`)
  const limit = int(query, 'limit', 10)
  if (limit < 1 || limit > 500) throw valueInvalid('limit', 'limit must be between 1 and 500.')
  const offset = int(query, 'offset', 0)
  if (offset < 0) throw valueInvalid('offset', 'offset must be greater than or equal to 0.')
  const paginated = query.get('paginated')
  if (paginated && paginated !== 'true' && paginated !== 'false') throw typeInvalid('paginated', 'boolean')
  const rows = sessions(store)
    .values()
    .filter(
      (s) =>
        (!userId || s.user_id === userId) &&
        (!clientId || s.client_id === clientId) &&
        (!status || s.status === status),
    )
    .reverse() // newest first: insertion order is creation order
  const page = rows.slice(offset, offset + limit)
  return ok(paginated === 'true' ? {data: page, total_count: rows.length} : page)
}

function createSession({store, body}: RequestContext) {
  for (const k of Object.keys(body)) if (k !== 'user_id' && k !== 'active_organization_id') throw paramUnknown(k)
  if (typeof body.user_id !== 'string' || !body.user_id) throw paramMissing('user_id')
  if (!store.users.has(body.user_id)) throw notFound('UserNotFound', {userID: body.user_id})
  return ok(
    sessions(store).set(
      buildSession({user_id: body.user_id, active_organization_id: body.active_organization_id ?? null}),
    ),
  )
}
