/**
 * The batch fast path (src/lib/token/fast.ts) must give the same verdicts as authenticateRequest: the same
 * corpus of tokens goes through both, offline and with options, and the results must be equal (messages
 * compared without their "Current date", which may tick between the two calls).
 */
import {createClerkClient} from '@clerk/backend'
import {describe, expect, test} from 'vitest'

import {createFastVerifier} from '../../../src/lib/token/fast.js'
import {base64url} from '../../../src/lib/token/fast.js'
import {OFFLINE_SECRET_KEY, syntheticPublishableKey} from '../../../src/lib/token/keys.js'
import type {TokenResult, VerifyOptions} from '../../../src/lib/token/result.js'
import {verifyWithSdk} from '../../../src/lib/token/verify.js'
import {rsaKey, sessionClaims, sign} from './sign.js'

const key = rsaKey()
const other = rsaKey()
const now = Math.floor(Date.now() / 1000)
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
const valid = sign(key, sessionClaims())

const corpus: Record<string, string> = {
  valid,
  expired: sign(key, sessionClaims({exp: now - 60, iat: now - 120, nbf: now - 130})),
  'expired within skew': sign(key, sessionClaims({exp: now - 2})),
  'not yet valid': sign(key, sessionClaims({nbf: now + 300})),
  'iat in the future': sign(key, sessionClaims({iat: now + 300})),
  'wrong signature': sign(other, sessionClaims()),
  'tampered payload': `${valid.split('.')[0]}.${b64(sessionClaims({sub: 'user_evil'}))}.${valid.split('.')[2]}`,
  'no azp': sign(key, sessionClaims({azp: undefined})),
  'other azp': sign(key, sessionClaims({azp: 'https://evil.example.com'})),
  'aud string': sign(key, sessionClaims({aud: 'api-1'})),
  'aud array': sign(key, sessionClaims({aud: ['x', 'api-1']})),
  'aud other': sign(key, sessionClaims({aud: 'api-2'})),
  'no sub': sign(key, sessionClaims({sub: undefined})),
  'exp string': sign(key, sessionClaims({exp: String(now + 600)})),
  'fractional exp': sign(key, sessionClaims({exp: now + 0.5})),
  'huge exp': sign(key, sessionClaims({exp: 1e300})),
  'typ other': sign(key, sessionClaims(), {typ: 'at+jwt'}),
  'typ missing': sign(key, sessionClaims(), {typ: undefined}),
  'alg HS256': sign(key, sessionClaims(), {alg: 'HS256'}),
  'm2m category': sign(key, sessionClaims(), {cat: 'cl_B7d4PD333AAA'}),
  'machine sub': sign(key, sessionClaims({sub: 'mch_123'})),
  pending: sign(key, sessionClaims({sts: 'pending'})),
  'org admin with permissions': sign(
    key,
    sessionClaims({
      o: {id: 'org_1', rol: 'admin', slg: 'acme', per: 'read,manage', fpm: '3,1'},
      fea: 'o:invoices,o:reports,u:ai',
      pla: 'u:pro',
    }),
  ),
  'v1 org claims': sign(
    key,
    sessionClaims({v: undefined, org_id: 'org_1', org_role: 'org:member', org_permissions: ['org:invoices:read']}),
  ),
  actor: sign(key, sessionClaims({act: {sub: 'user_admin'}})),
  garbage: 'garbage',
  'two parts': 'a.b',
  'bad base64': 'e30.e30.a*b',
  'dangling base64': `${valid}A`,
  'not json': `${Buffer.from('nope').toString('base64url')}.${valid.split('.')[1]}.${valid.split('.')[2]}`,
}

const clerk = createClerkClient({
  secretKey: OFFLINE_SECRET_KEY,
  publishableKey: syntheticPublishableKey('https://api.clerk.com'),
  jwtKey: key.publicPem,
  telemetry: {disabled: true},
})
const base: VerifyOptions = {
  acceptsToken: 'session_token',
  allowPending: false,
  checks: {permission: [], role: [], feature: [], plan: []},
}
const strip = (r: TokenResult | undefined) =>
  r &&
  JSON.parse(
    JSON.stringify(r)
      .replace(/Current date: [^.;"]+/g, 'Current date: X')
      .replace(/"expires":"[^"]*"/, '"expires":"X"'),
  )

async function compare(options: VerifyOptions) {
  const fast = await createFastVerifier(options, {
    key: (await import('node:crypto')).createPublicKey(key.publicPem),
    context: {apiUrl: 'https://api.clerk.com', apiVersion: 'v1'},
  })
  for (const [name, token] of Object.entries(corpus)) {
    const viaFast = await fast(token)
    if (viaFast === undefined) {
      expect(['machine sub', 'typ other'], `${name} fell back to the SDK`).toContain(name)
      continue
    }
    const viaSdk = await verifyWithSdk(clerk, token, options)
    expect(strip(viaFast), name).toEqual(strip(viaSdk))
  }
}

describe('batch fast path = authenticateRequest', () => {
  test('default options', () => compare(base))
  test('authorized parties, audience, clock skew, pending allowed, accepts any', () =>
    compare({
      ...base,
      acceptsToken: 'any',
      authorizedParties: ['http://localhost:3000'],
      audience: ['api-1'],
      clockSkewInMs: 0,
      allowPending: true,
    }))
  test('has() checks: permission, role, feature, plan', () =>
    compare({
      ...base,
      checks: {
        permission: ['org:invoices:read', 'org:reports:manage'],
        role: ['org:admin'],
        feature: ['ai', 'o:invoices'],
        plan: ['u:pro'],
      },
    }))
  test('failing checks', () =>
    compare({
      ...base,
      checks: {permission: ['org:invoices:delete'], role: ['admin'], feature: ['o:ai'], plan: ['o:team']},
    }))

  test('the corpus covers the verdicts that matter', async () => {
    const fast = await createFastVerifier(base, {
      key: (await import('node:crypto')).createPublicKey(key.publicPem),
      context: {apiUrl: 'https://api.clerk.com', apiVersion: 'v1'},
    })
    const reason = async (name: string) => (await fast(corpus[name]))?.reason
    expect(await reason('valid')).toBeNull()
    expect(await reason('expired')).toBe('token-expired')
    expect(await reason('not yet valid')).toBe('token-not-active-yet')
    expect(await reason('wrong signature')).toBe('token-invalid-signature')
    expect(await reason('tampered payload')).toBe('token-invalid-signature')
    expect(await reason('garbage')).toBe('token-invalid')
    expect(await reason('pending')).toBe('session-pending')
    expect(await reason('m2m category')).toBe('token-type-mismatch')
    expect(await reason('alg HS256')).toBe('token-invalid-algorithm')
  })
})

describe('base64url as strict as the SDK', () => {
  test('accepts unpadded and padded, rejects stray characters and dangling bits', () => {
    expect(base64url('aGk').toString()).toBe('hi')
    expect(base64url('aGk=').toString()).toBe('hi')
    expect(() => base64url('a+b/')).toThrow()
    expect(() => base64url('aGkx1')).toThrow()
    expect(() => base64url('aGl')).toThrow()
  })
})
