/**
 * The instance's signing key: RSA-2048 with a `kid`, generated at start or restored from the state
 * (so tokens and cached JWKS survive a persisted restart). GET /v1/jwks serves its public half.
 * Minting session tokens will live here too.
 */
import {createPrivateKey, createPublicKey, generateKeyPairSync} from 'node:crypto'
import {base62} from './ids.js'
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
  return {kid: stored.kid, privateKeyPem: stored.private_key_pem, publicKeyPem: pub.export({type: 'spki', format: 'pem'}).toString()}
}

export function jwkFor(key: SigningKey): RsaJwk {
  const jwk = createPublicKey(key.publicKeyPem).export({format: 'jwk'})
  return {use: 'sig', kty: 'RSA', kid: key.kid, alg: 'RS256', n: String(jwk.n), e: String(jwk.e)}
}
