/**
 * The batch path for session tokens: the same verdicts as authenticateRequest (whose checks are
 * replicated here assertion by assertion, with the SDK's own error class, reasons and messages), but with
 * the public key imported once and RS256 checked by node:crypto. authenticateRequest re-imports the key
 * through WebCrypto and rebuilds its whole request context for every token: ~2–7k tokens/s against ~35k/s
 * for a bare RS256 verify (see bench/token-verify.bench.js). test/lib/token/fast.test.ts holds the two
 * paths to identical results over a corpus of good and bad tokens. Anything this path does not cover
 * (machine tokens, machine-only --accepts) returns undefined and goes through authenticateRequest.
 */
import {createPublicKey, type KeyObject, verify as rsaVerify} from 'node:crypto'
import {createRequire} from 'node:module'

import {ApiError} from '../http/client.js'
import {fromAuth, fromSignedOut, type TokenResult, type VerifyOptions} from './result.js'

const DEFAULT_CLOCK_SKEW_MS = 5000
const ALGS: Record<string, string> = {RS256: 'sha256', RS384: 'sha384', RS512: 'sha512'}
const SESSION_CATEGORY = 'cl_B7d4PD111AAA'
const IGNORE_CATEGORY = 'cl_I7d4PD111III'
const OAUTH_TYPES = ['at+jwt', 'application/at+jwt']
const JWT_FORMAT = /^[a-zA-Z0-9\-_]+\.[a-zA-Z0-9\-_]+\.[a-zA-Z0-9\-_]+$/
const B64URL = /^[A-Za-z0-9_-]*=*$/
const B64URL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * Base64url as strictly as the SDK's loose RFC 4648 parser: trailing '=' allowed, any other character
 * outside the alphabet, a dangling character or non-zero leftover bits is an error (Buffer would ignore them).
 */
export function base64url(text: string): Buffer {
  if (!B64URL.test(text)) throw new SyntaxError('Invalid character')
  const body = text.replace(/=+$/, '')
  const tail = body.length % 4
  if (tail === 1) throw new SyntaxError('Unexpected end of data')
  if (tail > 1 && B64URL_CHARS.indexOf(body[body.length - 1]) & (tail === 2 ? 0b1111 : 0b11))
    throw new SyntaxError('Unexpected end of data')
  return Buffer.from(body, 'base64url')
}

export interface KeySource {
  /** offline: the --jwt-key (the SDK ignores `kid` then, and so do we) */
  key?: KeyObject
  /** online: the instance JWKS (GET /v1/jwks through the shared client), fetched once, again only for an unknown kid */
  fetchJwks?: () => Promise<{keys: Array<{kid: string; [k: string]: unknown}>}>
  /** what getAuthObjectFromJwt needs to build the Auth object (no request is made) */
  context: {secretKey?: string; apiUrl: string; apiVersion: string}
}

/** A result, undefined (not covered: use authenticateRequest), or a promise of either while the JWKS loads. */
export type FastVerify = (token: string) => TokenResult | undefined | Promise<TokenResult | undefined>

export async function createFastVerifier(options: VerifyOptions, source: KeySource): Promise<FastVerify> {
  const [{isMachineTokenByPrefix, getAuthObjectFromJwt}, errors] = await Promise.all([
    import('@clerk/backend/internal'),
    import('@clerk/backend/errors'),
  ])
  const {TokenVerificationError: TVE, TokenVerificationErrorReason: R, TokenVerificationErrorAction: A} = errors
  const toAuth = authBuilder(options.allowPending, (jwt) =>
    getAuthObjectFromJwt(jwt as never, {treatPendingAsSignedOut: !options.allowPending, ...source.context}),
  )
  const skew =
    typeof options.clockSkewInMs === 'number' && Number.isFinite(options.clockSkewInMs)
      ? options.clockSkewInMs
      : DEFAULT_CLOCK_SKEW_MS
  const audience = (options.audience ?? []).filter(Boolean)
  const parties = options.authorizedParties ?? []
  const keys = new Map<string, KeyObject>()
  const missed = new Set<string>()
  let loading: Promise<void> | undefined

  async function loadJwks(): Promise<void> {
    let jwks
    try {
      jwks = await source.fetchJwks!()
    } catch (error) {
      if (error instanceof ApiError && error.errors.some((e) => e.code === 'clerk_key_invalid')) {
        throw new TVE({action: A.ContactSupport, message: error.errors[0].message, reason: R.InvalidSecretKey})
      }
      const status = error instanceof ApiError ? error.status : undefined
      throw new TVE({
        action: A.ContactSupport,
        message: `Error loading Clerk JWKS with code=${status ?? 'network error'}`,
        reason: R.RemoteJWKFailedToLoad,
      })
    }
    if (!jwks?.keys?.length) {
      throw new TVE({
        action: A.ContactSupport,
        message: 'The JWKS endpoint did not contain any signing keys. Contact support@clerk.com.',
        reason: R.RemoteJWKFailedToLoad,
      })
    }
    for (const k of jwks.keys)
      keys.set(k.kid, createPublicKey({key: k as import('node:crypto').JsonWebKey, format: 'jwk'}))
  }

  async function keyFor(kid: string): Promise<KeyObject> {
    if (source.key) return source.key
    if (!keys.has(kid) && !missed.has(kid)) {
      loading ??= loadJwks().finally(() => (loading = undefined))
      await loading
      if (!keys.has(kid)) missed.add(kid)
    }
    const key = keys.get(kid)
    if (key) return key
    throw new TVE({
      action: `Go to your Dashboard and validate your secret and public keys are correct. ${A.ContactSupport} if the issue persists.`,
      message: `Unable to find a signing key in JWKS that matches the kid='${kid}' of the provided session token. Please make sure that the __session cookie or the HTTP authorization header contain a Clerk-generated session JWT.`,
      reason: R.JWKKidMismatch,
    })
  }

  /** `new Date(0).setUTCSeconds(s)` as a number (truncated seconds; NaN out of range), without the Date. */
  const ms = (seconds: number) => {
    const t = Math.trunc(seconds) * 1000
    return Math.abs(t) <= 8.64e15 ? t : Number.NaN
  }
  const utc = (t: number) => new Date(t).toUTCString()

  /** verifyJwt's assertions after the signature, in its order and with its messages. */
  function assertClaims(payload: Record<string, unknown>): void {
    const {sub, aud, azp, exp, nbf, iat} = payload
    if (typeof sub !== 'string')
      throw new TVE({
        action: A.EnsureClerkJWT,
        reason: R.TokenVerificationFailed,
        message: `Subject claim (sub) is required and must be a string. Received ${JSON.stringify(sub)}.`,
      })
    const audList = [aud].flat().filter(Boolean)
    if (audience.length > 0 && audList.length > 0) {
      if (typeof aud === 'string') {
        if (!audience.includes(aud))
          throw new TVE({
            action: A.EnsureClerkJWT,
            reason: R.TokenVerificationFailed,
            message: `Invalid JWT audience claim (aud) ${JSON.stringify(aud)}. Is not included in "${JSON.stringify(audience)}".`,
          })
      } else if (Array.isArray(aud) && aud.length > 0 && aud.every((a) => typeof a === 'string')) {
        if (!aud.some((a) => audience.includes(a)))
          throw new TVE({
            action: A.EnsureClerkJWT,
            reason: R.TokenVerificationFailed,
            message: `Invalid JWT audience claim array (aud) ${JSON.stringify(aud)}. Is not included in "${JSON.stringify(audience)}".`,
          })
      }
    }
    if (parties.length > 0 && (!azp || !parties.includes(azp as string))) {
      throw new TVE({
        reason: R.TokenInvalidAuthorizedParties,
        message: `Invalid JWT Authorized party claim (azp) ${JSON.stringify(azp)}. Expected "${parties}".`,
      })
    }
    const now = Date.now()
    if (typeof exp !== 'number')
      throw new TVE({
        action: A.EnsureClerkJWT,
        reason: R.TokenVerificationFailed,
        message: `Invalid JWT expiry date claim (exp) ${JSON.stringify(exp)}. Expected number.`,
      })
    if (ms(exp) <= now - skew) {
      throw new TVE({
        reason: R.TokenExpired,
        message: `JWT is expired. Expiry date: ${utc(ms(exp))}, Current date: ${utc(now)}.`,
      })
    }
    if (nbf !== undefined) {
      if (typeof nbf !== 'number')
        throw new TVE({
          action: A.EnsureClerkJWT,
          reason: R.TokenVerificationFailed,
          message: `Invalid JWT not before date claim (nbf) ${JSON.stringify(nbf)}. Expected number.`,
        })
      if (ms(nbf) > now + skew) {
        throw new TVE({
          reason: R.TokenNotActiveYet,
          message: `JWT cannot be used prior to not before date claim (nbf). Not before date: ${utc(ms(nbf))}; Current date: ${utc(now)};`,
        })
      }
    }
    if (iat !== undefined) {
      if (typeof iat !== 'number')
        throw new TVE({
          action: A.EnsureClerkJWT,
          reason: R.TokenVerificationFailed,
          message: `Invalid JWT issued at date claim (iat) ${JSON.stringify(iat)}. Expected number.`,
        })
      if (ms(iat) > now + skew) {
        throw new TVE({
          reason: R.TokenIatInTheFuture,
          message: `JWT issued at date claim (iat) is in the future. Issued at date: ${utc(ms(iat))}; Current date: ${utc(now)};`,
        })
      }
    }
  }

  /** authenticateRequest's state reason for a header-token error (a GET without a refresh cookie). */
  const stateReason = (reason: string) =>
    reason === R.TokenExpired
      ? 'session-token-expired-refresh-non-eligible-no-refresh-cookie'
      : reason === R.TokenNotActiveYet
        ? 'session-token-nbf'
        : reason === R.TokenIatInTheFuture
          ? 'session-token-iat-in-the-future'
          : reason

  /** decodeJwt's checks with native base64url (the SDK's JS decoder costs more than the RSA verify). */
  function decode(token: string) {
    const parts = token.split('.')
    if (parts.length !== 3)
      throw new TVE({
        reason: R.TokenInvalid,
        message: 'Invalid JWT form. A JWT consists of three parts separated by dots.',
      })
    try {
      const [header, payload] = [parts[0], parts[1]].map((p) => JSON.parse(base64url(p).toString('utf8')))
      return {
        header,
        payload,
        signature: base64url(parts[2]),
        raw: {header: parts[0], payload: parts[1], signature: parts[2], text: token},
      }
    } catch {
      throw new TVE({
        reason: R.TokenInvalid,
        message: 'Invalid JWT form. The header, payload, or signature could not be decoded.',
      })
    }
  }

  /** isMachineToken: an ak_/mt_/oat_ prefix, or a JWT typed at+jwt (OAuth) or whose sub is a machine (M2M). */
  function isMachine(token: string, jwt: ReturnType<typeof decode> | undefined): boolean {
    if (isMachineTokenByPrefix(token)) return true
    if (!jwt || !JWT_FORMAT.test(token)) return false
    return (
      OAUTH_TYPES.includes(jwt.header?.typ) ||
      (typeof jwt.payload?.sub === 'string' && jwt.payload.sub.startsWith('mch_'))
    )
  }

  const fail = (error: unknown): TokenResult => {
    if (!(error instanceof TVE)) return fromSignedOut('unexpected-error', null, 'session_token')
    error.tokenCarrier = 'header'
    return fromSignedOut(stateReason(error.reason), error.getFullMessage(), 'session_token')
  }

  /** After the key is known: signature, then the claims. */
  function finish(jwt: ReturnType<typeof decode>, hash: string, key: KeyObject): TokenResult {
    try {
      let ok: boolean
      try {
        ok = rsaVerify(hash, Buffer.from(`${jwt.raw.header}.${jwt.raw.payload}`), key, jwt.signature)
      } catch (error) {
        throw new TVE({
          action: A.EnsureClerkJWT,
          reason: R.TokenVerificationFailed,
          message: `Error verifying JWT signature. ${(error as Error).message}`,
        })
      }
      if (!ok) throw new TVE({reason: R.TokenInvalidSignature, message: 'JWT signature is invalid.'})
      assertClaims(jwt.payload)
    } catch (error) {
      return fail(error)
    }
    return fromAuth(toAuth(jwt) as never, options)
  }

  return (token: string) => {
    if (options.acceptsToken !== 'session_token' && options.acceptsToken !== 'any') return undefined
    let jwt: ReturnType<typeof decode> | undefined
    let decodeError: unknown
    try {
      jwt = decode(token)
    } catch (error) {
      decodeError = error
    }
    if (isMachine(token, jwt)) return undefined
    let hash: string
    try {
      if (decodeError) throw decodeError
      const {header} = jwt!
      if (header.cat !== undefined && header.cat !== SESSION_CATEGORY && header.cat !== IGNORE_CATEGORY) {
        return fromSignedOut('token-type-mismatch', '', 'session_token')
      }
      if (header.typ !== undefined && header.typ !== 'JWT') {
        throw new TVE({
          action: A.EnsureClerkJWT,
          reason: R.TokenInvalid,
          message: `Invalid JWT type ${JSON.stringify(header.typ)}. Expected "JWT".`,
        })
      }
      hash = ALGS[header.alg]
      if (!hash)
        throw new TVE({
          action: A.EnsureClerkJWT,
          reason: R.TokenInvalidAlgorithm,
          message: `Invalid JWT algorithm ${JSON.stringify(header.alg)}. Supported: ${Object.keys(ALGS)}.`,
        })
    } catch (error) {
      return fail(error)
    }
    const key = source.key ?? keys.get(jwt!.header.kid)
    if (key) return finish(jwt!, hash, key)
    return keyFor(jwt!.header.kid).then((k) => finish(jwt!, hash, k), fail)
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Jwt = {payload: any; raw: {text: string}}

/**
 * The session Auth object from verified claims, as the SDK's signedInAuthObject builds it (the same two
 * @clerk/shared functions, loaded from the copy @clerk/backend itself resolves) minus the BAPI client it
 * creates per call for getToken(), which costs ~8 µs a token and is never used here. If those functions
 * cannot be loaded, the SDK's getAuthObjectFromJwt is used instead.
 */
function authBuilder(allowPending: boolean, sdk: (jwt: Jwt) => unknown): (jwt: Jwt) => unknown {
  let shared
  try {
    const req = createRequire(import.meta.resolve('@clerk/backend'))
    shared = {
      check: req('@clerk/shared/authorization').createCheckAuthorization,
      props: req('@clerk/shared/jwtPayloadParser').__experimental_JWTPayloadToAuthObjectProperties,
    }
    if (typeof shared.check !== 'function' || typeof shared.props !== 'function') return sdk
  } catch {
    return sdk
  }
  const {check, props} = shared
  return (jwt) => {
    const claims = jwt.payload
    const p = props(claims)
    if (!allowPending && p.sessionStatus === 'pending')
      return {tokenType: 'session_token', sessionStatus: 'pending', isAuthenticated: false}
    const {orgId, orgRole, orgPermissions, userId, factorVerificationAge} = p
    const has = check({
      orgId,
      orgRole,
      orgPermissions,
      userId,
      factorVerificationAge,
      features: claims.fea || '',
      plans: claims.pla || '',
    })
    return {tokenType: 'session_token', ...p, has, isAuthenticated: true}
  }
}
