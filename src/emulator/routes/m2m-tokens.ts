/**
 * M2M tokens, served like BAPI at the root (no /v1), as @clerk/backend calls them:
 *   POST /m2m_tokens (a machine secret key only) · GET /m2m_tokens?subject=mch_… · POST /m2m_tokens/{id}/revoke
 * Creating needs the machine's own secret key as the bearer (the instance key is 403); listing and revoking
 * take either, a machine key only for its own tokens. A token's scopes are the machine's scoped machines,
 * its lifetime `seconds_until_expiration` or the machine's default_token_ttl. Opaque tokens only (`mt_…`,
 * verified at POST /m2m_tokens/verify); `token_format: jwt` is refused. The secret is answered once, on create.
 */
import {raise} from '../errors.js'
import {type Reply, type RequestContext, type Router, ok} from '../router.js'
import type {JsonObject, Store} from '../store.js'
import {MACHINE_COLLECTIONS, mintMachineToken} from '../tokens.js'
import {checkBody, invalid, queryBoolean, queryPage, queryString} from '../requests/machine-params.js'
import {served} from './machine-tokens.js'

const tokens = (store: Store) => store.collection(MACHINE_COLLECTIONS.m2m_token)
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

function create({body, store, machineId}: RequestContext): Reply {
  if (!machineId) throw raise('InvalidAuthorization')
  checkBody(body, {
    token_format: {type: 'string', enum: ['opaque', 'jwt']},
    seconds_until_expiration: {type: 'number', nullable: true, min: 0, exclusiveMin: true},
    claims: {type: 'any'},
    min_remaining_ttl_seconds: {type: 'integer', min: 0},
  })
  if (body.token_format === 'jwt') throw invalid('body.token_format', 'the emulator mints opaque tokens only')
  const machine = store.collection('machines').get(machineId)!
  const lifetime: number = body.seconds_until_expiration ?? machine.default_token_ttl ?? 3600
  const scopes = [...(machine.scoped_machine_ids as string[])]
  const now = Date.now()
  const reuse = body.min_remaining_ttl_seconds
  if (typeof reuse === 'number') {
    if (reuse >= lifetime) throw invalid('body.min_remaining_ttl_seconds', 'must be less than the token lifetime')
    const live = tokens(store)
      .values()
      .reverse()
      .find(
        (t) =>
          t.subject === machineId &&
          !t.revoked &&
          same(t.claims, body.claims) &&
          same(t.scopes, scopes) &&
          (t.expiration === null || (t.expiration as number) - now >= reuse * 1000),
      )
    if (live) return {status: 201, body: {...served(live, now), token: live.secret}}
  }
  const t = tokens(store).set(
    mintMachineToken({
      type: 'm2m_token',
      subject: machineId,
      scopes,
      claims: body.claims ?? null,
      expiresInSeconds: lifetime,
      now,
    }),
  )
  return {status: 201, body: {...served(t, now), token: t.secret}}
}

function list({query, store, machineId}: RequestContext) {
  const subject = queryString(query, 'subject', {required: true, pattern: /^mch_\w{27}$/})
  if (machineId && subject !== machineId) throw raise('InvalidAuthorization')
  const revoked = queryBoolean(query, 'revoked')
  const expired = queryBoolean(query, 'expired')
  const {limit, offset} = queryPage(query)
  const now = Date.now()
  const rows = tokens(store)
    .values()
    .reverse()
    .map((t) => served(t, now))
    .filter((t) => t.subject === subject && (revoked || !t.revoked) && (expired || !t.expired))
  return ok({m2m_tokens: rows.slice(offset, offset + limit), total_count: rows.length})
}

function revoke({params, body, store, machineId}: RequestContext) {
  checkBody(body, {revocation_reason: {type: 'string', nullable: true}})
  const t = tokens(store).get(params.id)
  if (!t || (machineId && t.subject !== machineId)) throw raise('MachineTokenNotFound', {what: 'Machine token'})
  if (t.revoked) return ok(served(t))
  const next: JsonObject = {
    ...t,
    revoked: true,
    revocation_reason: body.revocation_reason ?? null,
    updated_at: Date.now(),
  }
  return ok(served(tokens(store).set(next)))
}

export function registerM2mTokens(r: Router): void {
  r.post('/m2m_tokens', create)
  r.get('/m2m_tokens', list)
  r.post('/m2m_tokens/:id/revoke', revoke)
}
