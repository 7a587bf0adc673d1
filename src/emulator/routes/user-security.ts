/**
 * A user's security and the instance-wide membership listings:
 *   DELETE /v1/users/{id}/mfa, DELETE /v1/users/{id}/passkeys/{passkey_id},
 *   POST /v1/users/{id}/password/set_compromised|unset_compromised,
 *   GET /v1/users/{id}/organization_memberships, GET /v1/organization_memberships.
 * A compromised flag lives in `compromised_passwords` (the User object has none); passwords: ../users/passwords.ts.
 */
import {notFound, passwordNotSet} from '../errors.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {checkParams} from '../requests/params.js'
import {parsePage} from '../requests/lists.js'
import {deleted} from '../requests/replies.js'
import {renderMembership} from './organizations.js'
import {endUserSessions} from './sessions.js'

function user(store: Store, id: string): JsonObject {
  const u = store.users.get(id)
  if (!u) throw notFound()
  return u
}

function compromised(ctx: RequestContext, set: boolean) {
  const u = user(ctx.store, ctx.params.user_id)
  checkParams(ctx.body, set ? {revoke_all_sessions: 'boolean'} : {})
  if (!u.password_enabled) throw passwordNotSet()
  const c = ctx.store.collection('compromised_passwords')
  if (set) {
    c.set({id: u.id, at: Date.now()})
    if (ctx.body.revoke_all_sessions) endUserSessions(ctx.store, u.id, 'revoked')
  } else c.delete(u.id)
  return ok(ctx.store.users.set({...u, updated_at: Date.now()}))
}

function listOf(rows: JsonObject[], store: Store, query: URLSearchParams) {
  const {limit, offset} = parsePage(query)
  const raw = query.get('order_by') || '-created_at'
  const sign = raw.startsWith('-') ? -1 : 1
  const sorted = rows
    .map((m, i) => ({m, i}))
    .sort((a, b) => sign * (Number(a.m.created_at) - Number(b.m.created_at)) || sign * (a.i - b.i))
    .map(({m}) => m)
  return ok({
    data: sorted.slice(offset, offset + limit).map((m) => renderMembership(store, m)),
    total_count: rows.length,
  })
}

export function registerUserSecurity(r: Router): void {
  r.delete('/v1/users/:user_id/mfa', ({store, params}) => {
    const u = user(store, params.user_id)
    const now = Date.now()
    const had = u.totp_enabled || u.backup_code_enabled
    store.users.set({
      ...u,
      totp_enabled: false,
      backup_code_enabled: false,
      two_factor_enabled: false,
      mfa_disabled_at: had ? now : u.mfa_disabled_at,
      phone_numbers: (u.phone_numbers as Json[]).map((p) => ({
        ...p,
        reserved_for_second_factor: false,
        default_second_factor: false,
      })),
      updated_at: now,
    })
    return ok({user_id: u.id})
  })
  r.delete('/v1/users/:user_id/passkeys/:passkey_identification_id', ({store, params}) => {
    const u = user(store, params.user_id)
    const keys = u.passkeys as Json[]
    if (!keys.some((k) => k.id === params.passkey_identification_id)) throw notFound()
    store.users.set({
      ...u,
      passkeys: keys.filter((k) => k.id !== params.passkey_identification_id),
      updated_at: Date.now(),
    })
    return ok(deleted('passkey', params.passkey_identification_id))
  })
  r.post('/v1/users/:user_id/password/set_compromised', (ctx) => compromised(ctx, true))
  r.post('/v1/users/:user_id/password/unset_compromised', (ctx) => compromised(ctx, false))
  r.get('/v1/users/:user_id/organization_memberships', ({store, params, query}) => {
    user(store, params.user_id)
    const rows = store
      .collection('organization_memberships')
      .values()
      .filter((m) => m.user_id === params.user_id)
    return listOf(rows, store, query)
  })
  r.get('/v1/organization_memberships', ({store, query}) =>
    listOf(store.collection('organization_memberships').values(), store, query),
  )
}
