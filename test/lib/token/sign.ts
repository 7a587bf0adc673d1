/** Tokens the tests sign themselves with node:crypto (independent of the emulator's minting code). */
import {createSign, generateKeyPairSync, type KeyObject} from 'node:crypto'

export interface TestKey {
  kid: string
  privateKey: KeyObject
  publicPem: string
}

export function rsaKey(bits = 2048, kid = 'ins_test'): TestKey {
  const {privateKey, publicKey} = generateKeyPairSync('rsa', {modulusLength: bits})
  return {kid, privateKey, publicPem: publicKey.export({type: 'spki', format: 'pem'}).toString()}
}

const b64 = (v: string | Buffer) => Buffer.from(v).toString('base64url')

export function sign(key: TestKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const h = b64(JSON.stringify({alg: 'RS256', kid: key.kid, typ: 'JWT', cat: 'cl_B7d4PD111AAA', ...header}))
  const p = b64(JSON.stringify(claims))
  return `${h}.${p}.${b64(createSign('RSA-SHA256').update(`${h}.${p}`).sign(key.privateKey))}`
}

/** v2 session claims, valid for 10 minutes unless overridden. */
export function sessionClaims(over: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000)
  return {
    azp: 'http://localhost:3000',
    exp: now + 600,
    iat: now,
    iss: 'https://clerk.example.com',
    nbf: now - 10,
    sid: 'sess_test',
    sub: 'user_test',
    v: 2,
    ...over,
  }
}
