/**
 * Control routes for tokens (under /__emulator: need the secret key, not rate limited or logged):
 *   POST /__emulator/tokens   body: {type?, user_id, session_id?, org_id?, org_slug?, role?, permissions?,
 *                             features?, plans?, expires_in_seconds?, not_before_seconds?, pending?, azp?,
 *                             actor?, claims?, subject?, name?, scopes?, revoked?}
 *                             -> {object: 'emulator_token', token_type, token, id?, claims?, jwt_key}
 *   GET  /__emulator/jwt-key  -> {object: 'emulator_jwt_key', kid, jwt_key} (the PEM for offline verification)
 * Session tokens are signed with the instance key served at /v1/jwks; machine tokens (ak_, mt_, oat_) are
 * stored so that /api_keys/verify, /m2m_tokens/verify and /oauth_applications/access_tokens/verify accept them.
 */
import {ErrorResponse} from './errors.js'
import {ok, type Router} from './router.js'
import type {Store} from './store.js'
import {
  MACHINE_COLLECTIONS,
  type MachineTokenType,
  mintMachineToken,
  mintSessionToken,
  signingKeyFrom,
} from './tokens.js'

const TYPES = ['session_token', 'api_key', 'm2m_token', 'oauth_token'] as const

const bad = (message: string) =>
  new ErrorResponse(400, [{code: 'request_body_invalid', message: 'Request body invalid', long_message: message}])

function field<T>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: Record<string, any>,
  name: string,
  type: 'string' | 'number' | 'boolean' | 'object' | 'string[]',
): T | undefined {
  const v = body[name]
  if (v === undefined) return undefined
  const okType =
    type === 'string[]'
      ? Array.isArray(v) && v.every((x) => typeof x === 'string')
      : type === 'object'
        ? typeof v === 'object' && v !== null && !Array.isArray(v)
        : typeof v === type
  if (!okType) throw bad(`${name} must be ${type === 'string[]' ? 'an array of strings' : `a ${type}`}`)
  return v as T
}

export function registerTokenControl(r: Router, issuer: () => string): void {
  r.get('/__emulator/jwt-key', ({store}) => {
    const key = signingKeyFrom(store.signingKey!)
    return ok({object: 'emulator_jwt_key', kid: key.kid, jwt_key: key.publicKeyPem})
  })
  r.post('/__emulator/tokens', ({body, store}) => {
    const type = (field<string>(body, 'type', 'string') ?? 'session_token') as (typeof TYPES)[number]
    if (!TYPES.includes(type)) throw bad(`type must be one of ${TYPES.join(', ')}`)
    const key = signingKeyFrom(store.signingKey!)
    if (type !== 'session_token') return ok(mintMachine(store, type, body, key.publicKeyPem))
    const userId = field<string>(body, 'user_id', 'string')
    if (!userId) throw bad('user_id is required for a session token')
    const azp = body.azp === null ? null : field<string>(body, 'azp', 'string')
    try {
      const {token, claims} = mintSessionToken(key, {
        userId,
        sessionId: field(body, 'session_id', 'string'),
        orgId: field(body, 'org_id', 'string'),
        orgSlug: field(body, 'org_slug', 'string'),
        role: field(body, 'role', 'string'),
        permissions: field(body, 'permissions', 'string[]'),
        features: field(body, 'features', 'string[]'),
        plans: field(body, 'plans', 'string[]'),
        expiresInSeconds: field(body, 'expires_in_seconds', 'number'),
        notBeforeSeconds: field(body, 'not_before_seconds', 'number'),
        pending: field(body, 'pending', 'boolean'),
        azp,
        actor: field(body, 'actor', 'object'),
        claims: field(body, 'claims', 'object'),
        issuer: issuer(),
      })
      return ok({object: 'emulator_token', token_type: type, token, claims, jwt_key: key.publicKeyPem})
    } catch (error) {
      if (error instanceof ErrorResponse) throw error
      throw bad((error as Error).message)
    }
  })
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function mintMachine(store: Store, type: MachineTokenType, body: Record<string, any>, jwtKey: string) {
  const subject = field<string>(body, 'subject', 'string') ?? field<string>(body, 'user_id', 'string')
  const record = mintMachineToken({
    type,
    subject,
    name: field(body, 'name', 'string'),
    scopes: field(body, 'scopes', 'string[]'),
    claims: field(body, 'claims', 'object'),
    expiresInSeconds: field(body, 'expires_in_seconds', 'number'),
    revoked: field(body, 'revoked', 'boolean'),
  })
  store.collection(MACHINE_COLLECTIONS[type]).set(record)
  return {object: 'emulator_token', token_type: type, token: record.secret, id: record.id, jwt_key: jwtKey}
}
