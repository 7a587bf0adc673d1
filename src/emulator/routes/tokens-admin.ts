/**
 * One-time tokens an admin mints: /v1/actor_tokens (impersonation), /v1/sign_in_tokens, /v1/testing_tokens.
 * Actor and sign-in tokens start `pending`; revoke makes a pending one `revoked` (400 otherwise).
 */
import {notFound, paramMissing, raise, valueInvalid} from '../errors.js'
import {newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {JsonObject} from '../store.js'
import {isPlainObject} from '../json.js'
import {checkParams} from '../requests/params.js'
import {find, randomToken} from '../requests/replies.js'
import {requireString} from '../requests/params.js'

const FAPI = 'https://clerk.emulator.clerk.localhost'

function seconds(value: unknown, param: string, fallback: number): number {
  if (value === undefined || value === null) return fallback
  if (!Number.isInteger(value) || (value as number) < 1)
    throw valueInvalid(param, `${param} must be a positive integer.`)
  return value as number
}

function revoke(ctx: RequestContext, collection: string, param: string): JsonObject {
  const t = find(ctx.store.collection(collection), ctx.params[param])
  if (t.status !== 'pending')
    throw raise(collection === 'actor_tokens' ? 'ActorTokenCannotBeRevoked' : 'SignInTokenCannotBeRevoked', {
      status: t.status,
    })
  return ctx.store.collection(collection).set({...t, status: 'revoked', updated_at: Date.now()})
}

/** The stored token keeps its secret and expiry; responses leave out the expiry bookkeeping. */
const view = ({expires_at: _expires, ...t}: JsonObject) => t

export function registerTokensAdmin(r: Router): void {
  r.post('/v1/actor_tokens', (ctx) => {
    const {body, store} = ctx
    checkParams(body, {
      user_id: 'string?',
      actor: 'object',
      expires_in_seconds: 'integer',
      session_max_duration_in_seconds: 'integer',
    })
    const userId = requireString(body, 'user_id')
    if (body.actor === undefined) throw paramMissing('actor')
    if (!isPlainObject(body.actor) || typeof body.actor.sub !== 'string' || !body.actor.sub) {
      throw valueInvalid('actor', 'actor must include a "sub" key with the ID of the impersonating user.')
    }
    if (!store.users.has(userId)) throw raise('FormMissingResource', {param: 'user_id'}, {param_name: 'user_id'})
    const expires = seconds(body.expires_in_seconds, 'expires_in_seconds', 3600)
    seconds(body.session_max_duration_in_seconds, 'session_max_duration_in_seconds', 1800)
    const now = Date.now()
    const token = randomToken()
    const t = store.collection('actor_tokens').set({
      object: 'actor_token',
      id: newId('act'),
      status: 'pending',
      user_id: userId,
      actor: body.actor,
      token,
      url: `${FAPI}/v1/tickets/accept?ticket=${token}`,
      created_at: now,
      updated_at: now,
      expires_at: now + expires * 1000,
    })
    return ok(view(t))
  })
  r.post('/v1/actor_tokens/:actor_token_id/revoke', (ctx) => ok(view(revoke(ctx, 'actor_tokens', 'actor_token_id'))))

  r.post('/v1/sign_in_tokens', (ctx) => {
    const {body, store} = ctx
    checkParams(body, {user_id: 'string?', org_id: 'string?', expires_in_seconds: 'integer'})
    const userId = requireString(body, 'user_id')
    if (!store.users.has(userId)) throw notFound('UserNotFound', {userID: userId})
    const expires = seconds(body.expires_in_seconds, 'expires_in_seconds', 30 * 24 * 3600)
    const now = Date.now()
    const token = randomToken()
    const t = store.collection('sign_in_tokens').set({
      object: 'sign_in_token',
      id: newId('sit'),
      status: 'pending',
      user_id: userId,
      token,
      url: `${FAPI}/v1/tickets/accept?ticket=${token}`,
      created_at: now,
      updated_at: now,
      expires_at: now + expires * 1000,
    })
    return ok(view(t))
  })
  r.post('/v1/sign_in_tokens/:sign_in_token_id/revoke', (ctx) =>
    ok(view(revoke(ctx, 'sign_in_tokens', 'sign_in_token_id'))),
  )

  // A testing token bypasses bot protection in end-to-end tests; it lives an hour (expires_at in seconds).
  r.post('/v1/testing_tokens', () =>
    ok({
      object: 'testing_token',
      token: `${Math.floor(Date.now() / 1000)}-${randomToken(32)}`,
      expires_at: Math.floor(Date.now() / 1000) + 3600,
    }),
  )
}
