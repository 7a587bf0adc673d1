import {createPublicKey, generateKeyPairSync} from 'node:crypto'
import {describe, expect, test} from 'vitest'

import {normalizeJwtKey, syntheticPublishableKey} from '../../../src/lib/token/keys.js'
import {decodeToken} from '../../../src/lib/token/decode.js'
import {expiryText} from '../../../src/lib/token/time.js'
import {encodeOrgPermissions} from '../../../src/emulator/tokens.js'

describe('normalizeJwtKey', () => {
  const {publicKey, privateKey} = generateKeyPairSync('rsa', {modulusLength: 2048})
  const spki = publicKey.export({type: 'spki', format: 'pem'}).toString()

  test('SPKI, PKCS#1, a private key, a JWK and an env-style one-liner all become the same SPKI PEM', () => {
    const inputs = [
      spki,
      publicKey.export({type: 'pkcs1', format: 'pem'}).toString(),
      privateKey.export({type: 'pkcs8', format: 'pem'}).toString(),
      JSON.stringify(publicKey.export({format: 'jwk'})),
      spki.trim().replaceAll('\n', '\\n'),
    ]
    for (const input of inputs) expect(normalizeJwtKey(input).pem).toBe(spki)
  })

  test('RSA-4096, exponent 3, EC and garbage are refused with what is wrong', () => {
    const big = generateKeyPairSync('rsa', {modulusLength: 4096})
      .publicKey.export({type: 'spki', format: 'pem'})
      .toString()
    expect(() => normalizeJwtKey(big)).toThrow(/RSA-4096/)
    const e3 = generateKeyPairSync('rsa', {modulusLength: 2048, publicExponent: 3})
      .publicKey.export({type: 'spki', format: 'pem'})
      .toString()
    expect(() => normalizeJwtKey(e3)).toThrow(/exponent 3/)
    const ec = generateKeyPairSync('ec', {namedCurve: 'P-256'})
      .publicKey.export({type: 'spki', format: 'pem'})
      .toString()
    expect(() => normalizeJwtKey(ec)).toThrow(/EC/)
    expect(() => normalizeJwtKey('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----')).toThrow(
      /not a public key/,
    )
  })

  test('the synthetic publishable key is one @clerk/shared accepts', async () => {
    const {parsePublishableKey} = await import('@clerk/shared/keys')
    for (const url of ['http://127.0.0.1:4000', 'http://localhost:3000', 'https://api.clerk.com']) {
      expect(parsePublishableKey(syntheticPublishableKey(url), {fatal: true})?.instanceType).toBe('development')
    }
    expect(createPublicKey(spki).asymmetricKeyType).toBe('rsa')
  })
})

describe('decode and time text', () => {
  test('expiry text', () => {
    expect(expiryText(1000, 958_000)).toBe('expires in 42s')
    expect(expiryText(1000, 1_180_000)).toBe('expired 3m ago')
  })
  test('kinds', () => {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
    expect(decodeToken(`${part({typ: 'at+jwt'})}.${part({sub: 'user_1'})}.x`).kind).toBe('oauth_token (JWT)')
    expect(decodeToken(`${part({alg: 'RS256'})}.${part({sub: 'mch_1'})}.x`).kind).toBe('m2m_token (JWT)')
  })
})

describe('v2 permission encoding (emulator) round-trips through @clerk/shared', () => {
  test('org:<feature>:<permission> -> fea, per, fpm -> orgPermissions', async () => {
    const {__experimental_JWTPayloadToAuthObjectProperties: parse} = await import('@clerk/shared/jwtPayloadParser')
    const perms = ['org:invoices:read', 'org:invoices:manage', 'org:reports:read', 'org:sys_memberships:delete']
    const enc = encodeOrgPermissions(perms)
    const props = parse({
      v: 2,
      sub: 'user_1',
      sid: 's',
      fea: enc.features.map((f) => `o:${f}`).join(','),
      o: {id: 'org_1', rol: 'admin', per: enc.per, fpm: enc.fpm},
    } as never)
    expect([...(props.orgPermissions ?? [])].sort()).toEqual([...perms].sort())
  })
})
