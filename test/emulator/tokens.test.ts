/** The emulator mints tokens (POST /__emulator/tokens) and verifies machine tokens the way BAPI does. */
import {createPublicKey, verify} from 'node:crypto'
import {createClerkClient} from '@clerk/backend'
import {describe, expect, test} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

const parts = (jwt: string) =>
  jwt.split('.').map((p, i) => (i < 2 ? JSON.parse(Buffer.from(p, 'base64url').toString()) : p))

describe('POST /__emulator/tokens', () => {
  test('a session token with v2 claims, signed by the key served at /v1/jwks', async () => {
    const res = await t.emu.request('POST', '/__emulator/tokens', {
      user_id: 'user_1',
      org_id: 'org_1',
      org_slug: 'acme',
      role: 'admin',
      permissions: ['org:invoices:read'],
      features: ['ai'],
      plans: ['pro'],
      expires_in_seconds: 90,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    const [header, claims] = parts(res.body.token)
    expect(header).toEqual({alg: 'RS256', kid: t.emu.signingKey.kid, typ: 'JWT', cat: 'cl_B7d4PD111AAA'})
    expect(claims).toMatchObject({
      sub: 'user_1',
      iss: t.emu.url,
      azp: 'http://localhost:3000',
      v: 2,
      o: {id: 'org_1', slg: 'acme', rol: 'admin', per: 'read', fpm: '1'},
      fea: 'o:invoices,u:ai',
      pla: 'u:pro',
    })
    expect(claims.sid).toMatch(/^sess_\w{27}$/)
    expect(claims.exp - claims.iat).toBe(90)
    expect(claims.nbf).toBeLessThan(claims.iat)
    const [h, p, s] = res.body.token.split('.')
    const jwks = await t.emu.request('GET', '/v1/jwks')
    const jwk = jwks.body.keys.find((k: {kid: string}) => k.kid === header.kid)
    expect(
      verify(
        'sha256',
        Buffer.from(`${h}.${p}`),
        createPublicKey({key: jwk, format: 'jwk'}),
        Buffer.from(s, 'base64url'),
      ),
    ).toBe(true)
    expect(res.body.jwt_key).toBe(t.emu.signingKey.publicKeyPem)
  })

  test('pending, no azp, expired; bad bodies are 400', async () => {
    const tok = await t.emu.request('POST', '/__emulator/tokens', {
      user_id: 'u',
      pending: true,
      azp: null,
      expires_in_seconds: -30,
    })
    const [, claims] = parts(tok.body.token)
    expect(claims.sts).toBe('pending')
    expect('azp' in claims).toBe(false)
    expect(claims.exp).toBeLessThan(Date.now() / 1000)
    for (const body of [
      {},
      {user_id: 'u', permissions: 'x'},
      {user_id: 'u', role: 'admin'},
      {user_id: 'u', org_id: 'o', permissions: ['bad']},
      {type: 'nope'},
    ]) {
      const r = await t.emu.request('POST', '/__emulator/tokens', body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.body.errors[0].code).toBe('request_body_invalid')
    }
  })

  test('GET /__emulator/jwt-key: the PEM for offline checks', async () => {
    const r = await t.emu.request('GET', '/__emulator/jwt-key')
    expect(r.body).toEqual({
      object: 'emulator_jwt_key',
      kid: t.emu.signingKey.kid,
      jwt_key: t.emu.signingKey.publicKeyPem,
    })
  })
})

describe('machine-token verify routes (spec shapes, as @clerk/backend calls them)', () => {
  test('@clerk/backend verifies minted ak_, mt_, oat_ tokens; unknown, revoked and expired ones are 404', async () => {
    const clerk = createClerkClient({secretKey: t.emu.secretKey, apiUrl: t.emu.url, telemetry: {disabled: true}})
    const mint = async (body: Record<string, unknown>) =>
      (await t.emu.request('POST', '/__emulator/tokens', body)).body.token as string
    const ak = await mint({
      type: 'api_key',
      subject: 'user_2xhFjEI5X2qWRvtV13BzSj8H6Dk',
      scopes: ['read'],
      claims: {team: 'a'},
      name: 'CI',
    })
    const key = await clerk.apiKeys.verify(ak)
    expect(key).toMatchObject({
      subject: 'user_2xhFjEI5X2qWRvtV13BzSj8H6Dk',
      scopes: ['read'],
      claims: {team: 'a'},
      name: 'CI',
      revoked: false,
    })
    const mt = await mint({type: 'm2m_token', expires_in_seconds: 3600})
    expect((await clerk.m2m.verify({token: mt})).subject).toMatch(/^mch_\w{27}$/)
    const oat = await mint({type: 'oauth_token', scopes: ['profile']})
    expect((await clerk.idPOAuthAccessToken.verify(oat)).scopes).toEqual(['profile'])

    const revoked = await mint({type: 'api_key', revoked: true})
    const expired = await mint({type: 'm2m_token', expires_in_seconds: -5})
    for (const [path, body] of [
      ['/api_keys/verify', {secret: 'ak_nope'}],
      ['/api_keys/verify', {secret: revoked}],
      ['/m2m_tokens/verify', {token: expired}],
      ['/oauth_applications/access_tokens/verify', {access_token: 'oat_nope'}],
    ] as const) {
      const r = await t.emu.request('POST', path, body)
      expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(404)
    }
    expect((await t.emu.request('POST', '/api_keys/verify', {})).status).toBe(422)
    // the stored secret is never served back
    expect(JSON.stringify(t.emu.requests.map((q) => q.body))).not.toContain(ak)
  })
})

describe('clerk emulator token', () => {
  test('prints a token, -o json the whole answer, --print-jwt-key the PEM; --user is required', async () => {
    const tok = await t.run([
      'emulator',
      'token',
      '--user',
      'user_cli',
      '--org',
      'org_1',
      '--role',
      'admin',
      '--permission',
      'org:a:b',
      '--expires-in',
      '5m',
      '--pending',
    ])
    expect(tok.code, tok.stderr).toBe(0)
    const [, claims] = parts(tok.stdout.trim())
    expect(claims).toMatchObject({
      sub: 'user_cli',
      sts: 'pending',
      o: {id: 'org_1', rol: 'admin', per: 'b'},
      fea: 'o:a',
    })
    expect(claims.exp - claims.iat).toBe(300)
    const expired = await t.run(['emulator', 'token', '--user', 'u', '--expires-in=-1m', '-o', 'json'])
    expect(JSON.parse(expired.stdout)).toMatchObject({object: 'emulator_token', token_type: 'session_token'})
    const pem = await t.run(['emulator', 'token', '--print-jwt-key'])
    expect(pem.stdout).toBe(t.emu.signingKey.publicKeyPem)
    const ak = await t.run(['emulator', 'token', '--type', 'api_key', '--scope', 'read'])
    expect(ak.stdout).toMatch(/^ak_\w+\n$/)
    const missing = await t.run(['emulator', 'token'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--user is required')
  })
})
