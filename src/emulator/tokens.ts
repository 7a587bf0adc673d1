/**
 * The instance's signing key: RSA-2048 with a `kid`, generated at start or restored from the state
 * (so tokens and cached JWKS survive a persisted restart). GET /v1/jwks serves its public half.
 * Session and machine tokens are minted here too (the control route POST /__emulator/tokens).
 */
import {createPrivateKey, createPublicKey, createSign, generateKeyPairSync, randomBytes} from 'node:crypto'
import {base62, newId} from './ids.js'
import type {StoredSigningKey} from './store.js'

export interface SigningKey {
  kid: string
  privateKeyPem: string
  publicKeyPem: string
}

export interface RsaJwk {
  use: 'sig'
  kty: 'RSA'
  kid: string
  alg: 'RS256'
  n: string
  e: string
}

export function generateSigningKey(): StoredSigningKey {
  const {privateKey} = generateKeyPairSync('rsa', {modulusLength: 2048})
  return {kid: `ins_${base62(27)}`, private_key_pem: privateKey.export({type: 'pkcs8', format: 'pem'}).toString()}
}

export function signingKeyFrom(stored: StoredSigningKey): SigningKey {
  const pub = createPublicKey(createPrivateKey(stored.private_key_pem))
  return {
    kid: stored.kid,
    privateKeyPem: stored.private_key_pem,
    publicKeyPem: pub.export({type: 'spki', format: 'pem'}).toString(),
  }
}

export function jwkFor(key: SigningKey): RsaJwk {
  const jwk = createPublicKey(key.publicKeyPem).export({format: 'jwk'})
  return {use: 'sig', kty: 'RSA', kid: key.kid, alg: 'RS256', n: String(jwk.n), e: String(jwk.e)}
}

// ---------------------------------------------------------------------------------------------------
// Minting (the emulator's stand-in for Clerk's Frontend API issuing session tokens, and for machine tokens)

/** The JWT header category Clerk puts on session tokens. */
export const SESSION_TOKEN_CATEGORY = 'cl_B7d4PD111AAA'

export interface SessionTokenOptions {
  userId: string
  sessionId?: string
  orgId?: string
  orgSlug?: string
  /** `admin` or `org:admin` (stored without the `org:` prefix, as Clerk's v2 claims do) */
  role?: string
  /** `org:<feature>:<permission>`, encoded into v2's `fea`, `o.per` and `o.fpm` */
  permissions?: string[]
  /** `u:name` / `o:name` (a bare name is a user feature); appended to `fea` */
  features?: string[]
  /** `u:name` / `o:name` (a bare name is a user plan) -> `pla` */
  plans?: string[]
  /** seconds from now; negative mints an already expired token. Default 60 (as Clerk). */
  expiresInSeconds?: number
  /** seconds from now for `nbf` (default: 10 s ago, as Clerk) */
  notBeforeSeconds?: number
  /** `sts: pending` (a session with pending tasks) */
  pending?: boolean
  /** the `azp` claim; null leaves it out. Default http://localhost:3000 */
  azp?: string | null
  /** the `iss` claim (the instance's Frontend API URL) */
  issuer: string
  actor?: Record<string, unknown>
  /** extra claims, merged last */
  claims?: Record<string, unknown>
  /** `now` in seconds, for tests */
  now?: number
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url')

/** Sign a JWT with RS256 (header gets `alg`, `kid`, `typ`). */
export function signJwt(
  key: Pick<SigningKey, 'kid' | 'privateKeyPem'>,
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {},
): string {
  const head = b64url(JSON.stringify({alg: 'RS256', kid: key.kid, typ: 'JWT', ...header}))
  const body = b64url(JSON.stringify(payload))
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key.privateKeyPem)
  return `${head}.${body}.${b64url(signature)}`
}

/** `u:x`/`o:x` as given; `user:x` -> `u:x`; `org:x`/`organization:x` -> `o:x`; a bare name is a user entry. */
function scoped(value: string): string {
  const m = /^([a-z]+):(.+)$/.exec(value)
  if (!m) return `u:${value}`
  if (['u', 'o', 'uo', 'ou'].includes(m[1])) return value
  if (m[1] === 'user') return `u:${m[2]}`
  if (m[1] === 'org' || m[1] === 'organization') return `o:${m[2]}`
  throw new Error(`"${value}": the scope must be u, o, user, org or organization`)
}

/** v2 organization claims: features from the permissions' middle part, `per` their names, `fpm` one bitmask per feature. */
export function encodeOrgPermissions(permissions: string[]): {features: string[]; per: string; fpm: string} {
  const features: string[] = []
  const names: string[] = []
  const pairs: Array<[string, string]> = []
  for (const p of permissions) {
    const m = /^(?:org:)?([^:]+):([^:]+)$/.exec(p)
    if (!m) throw new Error(`permission "${p}" must look like org:<feature>:<permission>`)
    if (!features.includes(m[1])) features.push(m[1])
    if (!names.includes(m[2])) names.push(m[2])
    pairs.push([m[1], m[2]])
  }
  const masks = features.map((f) =>
    pairs.filter(([pf]) => pf === f).reduce((mask, [, n]) => mask | (1n << BigInt(names.indexOf(n))), 0n),
  )
  return {features, per: names.join(','), fpm: masks.map(String).join(',')}
}

/** A Clerk session token (v2 claims: sub, sid, iss, azp, exp, nbf, iat, v, o, fea, pla, sts). */
export function mintSessionToken(
  key: Pick<SigningKey, 'kid' | 'privateKeyPem'>,
  o: SessionTokenOptions,
): {token: string; claims: Record<string, unknown>} {
  const now = o.now ?? Math.floor(Date.now() / 1000)
  const exp = now + (o.expiresInSeconds ?? 60)
  const claims: Record<string, unknown> = {
    ...(o.azp === null ? {} : {azp: o.azp ?? 'http://localhost:3000'}),
    exp,
    iat: Math.min(now, exp - 1),
    iss: o.issuer,
    nbf: now + (o.notBeforeSeconds ?? -10),
    sid: o.sessionId ?? newId('sess'),
    sub: o.userId,
    v: 2,
  }
  const fea: string[] = []
  if (o.orgId) {
    const org: Record<string, unknown> = {id: o.orgId}
    if (o.orgSlug) org.slg = o.orgSlug
    if (o.role) org.rol = o.role.replace(/^org:/, '')
    if (o.permissions?.length) {
      const enc = encodeOrgPermissions(o.permissions)
      org.per = enc.per
      org.fpm = enc.fpm
      fea.push(...enc.features.map((f) => `o:${f}`))
    }
    claims.o = org
  } else if (o.role || o.permissions?.length) {
    throw new Error('a role or permissions need an organization (org id)')
  }
  for (const f of o.features ?? []) if (!fea.includes(scoped(f))) fea.push(scoped(f))
  if (fea.length) claims.fea = fea.join(',')
  if (o.plans?.length) claims.pla = o.plans.map(scoped).join(',')
  if (o.pending) claims.sts = 'pending'
  if (o.actor) claims.act = o.actor
  Object.assign(claims, o.claims)
  return {token: signJwt(key, claims, {cat: SESSION_TOKEN_CATEGORY}), claims}
}

export type MachineTokenType = 'api_key' | 'm2m_token' | 'oauth_token'

export interface MachineTokenOptions {
  type: MachineTokenType
  /** user_/org_/mch_ id (default: a new user_ id, or mch_ for m2m) */
  subject?: string
  name?: string
  scopes?: string[]
  claims?: Record<string, unknown> | null
  /** seconds from now (negative: already expired); default none (never expires) */
  expiresInSeconds?: number
  revoked?: boolean
  now?: number
}

/** Where minted machine tokens live in the store (the state document keeps them, secret included). */
export const MACHINE_COLLECTIONS: Record<MachineTokenType, string> = {
  api_key: 'api_keys',
  m2m_token: 'm2m_tokens',
  oauth_token: 'oauth_access_tokens',
}

const hex32 = () => randomBytes(16).toString('hex')

/**
 * A machine token and its BAPI verify object (the spec's shape; `secret` is kept beside it and never served).
 * Returns the record to store: `{id, secret, ...}`.
 */
export function mintMachineToken(o: MachineTokenOptions): Record<string, unknown> & {id: string; secret: string} {
  const nowMs = o.now ?? Date.now()
  const expiration = o.expiresInSeconds === undefined ? null : nowMs + o.expiresInSeconds * 1000
  const revoked = Boolean(o.revoked)
  const common = {
    revoked,
    revocation_reason: revoked ? 'Revoked by the emulator' : null,
    expired: expiration !== null && expiration <= nowMs,
    expiration,
  }
  switch (o.type) {
    case 'api_key': {
      const subject = o.subject ?? newId('user')
      return {
        id: `ak_${hex32()}`,
        secret: `ak_${base62(48)}`,
        object: 'api_key',
        type: 'api_key',
        subject,
        name: o.name ?? 'emulator-api-key',
        description: null,
        claims: o.claims ?? null,
        scopes: o.scopes ?? [],
        ...common,
        created_by: subject.startsWith('user_') ? subject : null,
        last_used_at: null,
        created_at: nowMs,
        updated_at: nowMs,
      }
    }
    case 'm2m_token':
      return {
        id: `mt_${hex32()}`,
        secret: `mt_${base62(48)}`,
        object: 'machine_to_machine_token',
        subject: o.subject ?? newId('mch'),
        claims: o.claims ?? null,
        scopes: o.scopes ?? [],
        ...common,
        last_used_at: null,
        created_at: nowMs,
        updated_at: nowMs,
      }
    case 'oauth_token':
      return {
        id: `oat_${hex32()}`,
        secret: `oat_${base62(48)}`,
        object: 'clerk_idp_oauth_access_token',
        client_id: `client_${base62(27)}`,
        subject: o.subject ?? newId('user'),
        scopes: o.scopes ?? [],
        ...common,
        created_at: nowMs,
        updated_at: nowMs,
      }
  }
}
