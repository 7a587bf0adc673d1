/**
 * Keys for `clerk token verify`: the PEM given to --jwt-key / CLERK_JWT_KEY, checked the way @clerk/backend
 * will use it, and the stand-ins authenticateRequest needs offline.
 */
import {createPublicKey, type KeyObject} from 'node:crypto'

import {type Config, jwtKeyOf} from '../config/resolve.js'
import {CliError, ExitCode, usageError} from '../util/errors.js'

/**
 * authenticateRequest refuses to run without a secret key, even when --jwt-key means it will never use one.
 * Offline, this stand-in satisfies that check; it never leaves the process (no request is made offline).
 */
export const OFFLINE_SECRET_KEY = 'sk_test_offline-verification-no-requests'

/**
 * A well-formed publishable key for the instance behind `apiUrl` (`pk_test_` + base64("<host>$")): the SDK
 * parses one on every call, but only uses it for cookies and handshakes, never for header tokens.
 */
export function syntheticPublishableKey(apiUrl: string): string {
  const host = new URL(apiUrl).host
  return `pk_test_${Buffer.from(`${host.includes('.') ? host : `${host}.local`}$`).toString('base64')}`
}

/**
 * Normalize a public key for @clerk/backend's `jwtKey`: it strips the fixed SPKI prefix of an RSA-2048
 * key with exponent 65537 and reads the rest as the modulus, so any other key fails later as a baffling
 * "invalid signature". Accepts SPKI or PKCS#1 PEM, a certificate, a private key (its public half) or a
 * JWK as JSON; `\n` escapes (common in env vars) are unescaped. Returns the SPKI PEM.
 */
export function normalizeJwtKey(text: string): {pem: string; key: KeyObject} {
  const raw = text.replaceAll('\\n', '\n').trim()
  let key: KeyObject
  try {
    key = raw.startsWith('{') ? createPublicKey({key: JSON.parse(raw), format: 'jwk'}) : createPublicKey(raw)
  } catch (error) {
    throw usageError(
      `the JWT key is not a public key PEM (${(error as Error).message.split('\n')[0]})`,
      'pass the PEM from the Clerk Dashboard (API keys > Show JWT public key), e.g. --jwt-key @jwt-key.pem',
    )
  }
  const details = key.asymmetricKeyDetails ?? {}
  if (key.asymmetricKeyType !== 'rsa') {
    throw usageError(
      `the JWT key is ${key.asymmetricKeyType?.toUpperCase() ?? 'not RSA'}: Clerk session tokens are RS256, so it must be an RSA-2048 public key`,
    )
  }
  if (details.modulusLength !== 2048 || details.publicExponent !== 65_537n) {
    throw new CliError(
      `the JWT key is RSA-${details.modulusLength}${details.publicExponent === 65_537n ? '' : ` with exponent ${details.publicExponent}`}: ` +
        '@clerk/backend verifies offline only with an RSA-2048 key (exponent 65537), the kind Clerk issues',
      ExitCode.USAGE,
      {hint: 'drop --jwt-key / CLERK_JWT_KEY to verify online through the instance JWKS'},
    )
  }
  return {pem: key.export({type: 'spki', format: 'pem'}).toString(), key}
}

export interface VerifyKeys {
  /** the config to build the shared client from */
  config: Config
  /** true: --jwt-key given, no network at all */
  offline: boolean
  /** a real secret key is configured (needed for JWKS and for machine tokens) */
  hasSecretKey: boolean
  jwtKey?: KeyObject
}

/**
 * Decide online (JWKS with the secret key) or offline (--jwt-key) and fill what authenticateRequest
 * insists on: a secret key and a publishable key. Call before the shared client is built.
 */
export function prepareVerifyConfig(config: Config): VerifyKeys {
  const hasSecretKey = Boolean(config.secretKey)
  const jwtKey = jwtKeyOf(config)
  if (jwtKey) {
    const {pem, key} = normalizeJwtKey(jwtKey)
    return {
      config: {
        ...config,
        jwtKey: pem,
        secretKey: config.secretKey ?? OFFLINE_SECRET_KEY,
        publishableKey: config.publishableKey ?? syntheticPublishableKey(config.apiUrl),
      },
      offline: true,
      hasSecretKey,
      jwtKey: key,
    }
  }
  if (!hasSecretKey) {
    throw usageError(
      'no key to verify with',
      'set CLERK_SECRET_KEY (online: the instance JWKS) or --jwt-key PEM|@file / CLERK_JWT_KEY (offline, no network)',
    )
  }
  return {
    config: {...config, publishableKey: config.publishableKey ?? syntheticPublishableKey(config.apiUrl)},
    offline: false,
    hasSecretKey,
  }
}
