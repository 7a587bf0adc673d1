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

import {ApiError} from '../client.js'
import {fromAuth, fromSignedOut, type TokenResult, type VerifyOptions} from './result.js'

const DEFAULT_CLOCK_SKEW_MS = 5000
const ALGS: Record<string, string> = {RS256: 'sha256', RS384: 'sha384', RS512: 'sha512'}
const SESSION_CATEGORY = 'cl_B7d4PD111AAA'
const IGNORE_CATEGORY = 'cl_I7d4PD111III'

export interface KeySource {
  /** offline: the --jwt-key (the SDK ignores `kid` then, and so do we) */
  key?: KeyObject
  /** online: the instance JWKS (GET /v1/jwks through the shared client), fetched once, again only for an unknown kid */
  fetchJwks?: () => Promise<{keys: Array<{kid: string; [k: string]: unknown}>}>
  /** what getAuthObjectFromJwt needs to build the Auth object (no request is made) */
  context: {secretKey?: string; apiUrl: string; apiVersion: string}
}

export type FastVerify = (token: string) => Promise<TokenResult | undefined>

export async function createFastVerifier(options: VerifyOptions, source: KeySource): Promise<FastVerify> {
  const [{decodeJwt}, {isMachineToken, getAuthObjectFromJwt}, errors] = await Promise.all([
    import('@clerk/backend/jwt'),
    import('@clerk/backend/internal'),
    import('@clerk/backend/errors'),
  ])
  const {TokenVerificationError: TVE, TokenVerificationErrorReason: R, TokenVerificationErrorAction: A} = errors
  const skew = typeof options.clockSkewInMs === 'number' && Number.isFinite(options.clockSkewInMs) ? options.clockSkewInMs : DEFAULT_CLOCK_SKEW_MS
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
      throw new TVE({action: A.ContactSupport, message: `Error loading Clerk JWKS with code=${status ?? 'network error'}`, reason: R.RemoteJWKFailedToLoad})
    }
    if (!jwks?.keys?.length) {
      throw new TVE({action: A.ContactSupport, message: 'The JWKS endpoint did not contain any signing keys. Contact support@clerk.com.', reason: R.RemoteJWKFailedToLoad})
    }
    for (const k of jwks.keys) keys.set(k.kid, createPublicKey({key: k as import('node:crypto').JsonWebKey, format: 'jwk'}))
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

  const date = (seconds: number) => {
    const d = new Date(0)
    d.setUTCSeconds(seconds)
    return d
  }

  /** verifyJwt's assertions after the signature, in its order and with its messages. */
  function assertClaims(payload: Record<string, unknown>): void {
    const {sub, aud, azp, exp, nbf, iat} = payload
    if (typeof sub !== 'string') throw new TVE({action: A.EnsureClerkJWT, reason: R.TokenVerificationFailed, message: `Subject claim (sub) is required and must be a string. Received ${JSON.stringify(sub)}.`})
    const audList = [aud].flat().filter(Boolean)
    if (audience.length > 0 && audList.length > 0) {
      if (typeof aud === 'string') {
        if (!audience.includes(aud)) throw new TVE({action: A.EnsureClerkJWT, reason: R.TokenVerificationFailed, message: `Invalid JWT audience claim (aud) ${JSON.stringify(aud)}. Is not included in "${JSON.stringify(audience)}".`})
      } else if (Array.isArray(aud) && aud.length > 0 && aud.every((a) => typeof a === 'string')) {
        if (!aud.some((a) => audience.includes(a))) throw new TVE({action: A.EnsureClerkJWT, reason: R.TokenVerificationFailed, message: `Invalid JWT audience claim array (aud) ${JSON.stringify(aud)}. Is not included in "${JSON.stringify(audience)}".`})
      }
    }
    if (parties.length > 0 && (!azp || !parties.includes(azp as string))) {
      throw new TVE({reason: R.TokenInvalidAuthorizedParties, message: `Invalid JWT Authorized party claim (azp) ${JSON.stringify(azp)}. Expected "${parties}".`})
    }
    const now = new Date(Date.now())
    if (typeof exp !== 'number') throw new TVE({action: A.EnsureClerkJWT, reason: R.TokenVerificationFailed, message: `Invalid JWT expiry date claim (exp) ${JSON.stringify(exp)}. Expected number.`})
    if (date(exp).getTime() <= now.getTime() - skew) {
      throw new TVE({reason: R.TokenExpired, message: `JWT is expired. Expiry date: ${date(exp).toUTCString()}, Current date: ${now.toUTCString()}.`})
    }
    if (nbf !== undefined) {
      if (typeof nbf !== 'number') throw new TVE({action: A.EnsureClerkJWT, reason: R.TokenVerificationFailed, message: `Invalid JWT not before date claim (nbf) ${JSON.stringify(nbf)}. Expected number.`})
      if (date(nbf).getTime() > now.getTime() + skew) {
        throw new TVE({reason: R.TokenNotActiveYet, message: `JWT cannot be used prior to not before date claim (nbf). Not before date: ${date(nbf).toUTCString()}; Current date: ${now.toUTCString()};`})
      }
    }
    if (iat !== undefined) {
      if (typeof iat !== 'number') throw new TVE({action: A.EnsureClerkJWT, reason: R.TokenVerificationFailed, message: `Invalid JWT issued at date claim (iat) ${JSON.stringify(iat)}. Expected number.`})
      if (date(iat).getTime() > now.getTime() + skew) {
        throw new TVE({reason: R.TokenIatInTheFuture, message: `JWT issued at date claim (iat) is in the future. Issued at date: ${date(iat).toUTCString()}; Current date: ${now.toUTCString()};`})
      }
    }
  }

  /** authenticateRequest's state reason for a header-token error (a GET without a refresh cookie). */
  const stateReason = (reason: string) =>
    reason === R.TokenExpired ? 'session-token-expired-refresh-non-eligible-no-cookie'
    : reason === R.TokenNotActiveYet ? 'session-token-nbf'
    : reason === R.TokenIatInTheFuture ? 'session-token-iat-in-the-future'
    : reason

  return async (token: string) => {
    if ((options.acceptsToken !== 'session_token' && options.acceptsToken !== 'any') || isMachineToken(token)) return undefined
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let jwt: any
    try {
      jwt = decodeJwt(token)
      const {header, payload, signature, raw} = jwt
      if (header.cat !== undefined && header.cat !== SESSION_CATEGORY && header.cat !== IGNORE_CATEGORY) {
        return fromSignedOut('token-type-mismatch', '', 'session_token')
      }
      if (header.typ !== undefined && header.typ !== 'JWT') {
        throw new TVE({action: A.EnsureClerkJWT, reason: R.TokenInvalid, message: `Invalid JWT type ${JSON.stringify(header.typ)}. Expected "JWT".`})
      }
      const hash = ALGS[header.alg]
      if (!hash) throw new TVE({action: A.EnsureClerkJWT, reason: R.TokenInvalidAlgorithm, message: `Invalid JWT algorithm ${JSON.stringify(header.alg)}. Supported: ${Object.keys(ALGS)}.`})
      const key = await keyFor(header.kid)
      let ok: boolean
      try {
        ok = rsaVerify(hash, Buffer.from(`${raw.header}.${raw.payload}`), key, signature)
      } catch (error) {
        throw new TVE({action: A.EnsureClerkJWT, reason: R.TokenVerificationFailed, message: `Error verifying JWT signature. ${(error as Error).message}`})
      }
      if (!ok) throw new TVE({reason: R.TokenInvalidSignature, message: 'JWT signature is invalid.'})
      assertClaims(payload)
    } catch (error) {
      if (!(error instanceof TVE)) return fromSignedOut('unexpected-error', null, 'session_token')
      error.tokenCarrier = 'header'
      return fromSignedOut(stateReason(error.reason), error.getFullMessage(), 'session_token')
    }
    const auth = getAuthObjectFromJwt(jwt, {treatPendingAsSignedOut: !options.allowPending, ...source.context})
    return fromAuth(auth as never, options)
  }
}
