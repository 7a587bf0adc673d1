import {createPublicKey, createPrivateKey, createSign, createVerify} from 'node:crypto'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parsePublishableKey} from '@clerk/shared/keys'
import {describe, expect, test} from 'vitest'
import {startEmulator} from '../../src/emulator/server.js'
import {useEmulator, withEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

describe('protocol', () => {
  test('keys and url are well-formed', () => {
    expect(t.emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(t.emu.secretKey).toMatch(/^sk_test_[0-9A-Za-z]{40}$/)
    expect(t.emu.publishableKey).toMatch(/^pk_test_/)
    expect(Buffer.from(t.emu.publishableKey.slice(8), 'base64').toString()).toBe(`${t.emu.url.slice(7)}$`)
    expect(parsePublishableKey(t.emu.publishableKey, {fatal: true})).toMatchObject({
      instanceType: 'development',
      frontendApi: t.emu.url.slice(7),
    })
  })

  test('401 without or with a wrong secret key, in Clerk error shape', async () => {
    let res = await t.emu.request('GET', '/v1/users', undefined, {authorization: ''})
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.body.errors[0].code).toBe('authentication_invalid')
    res = await t.emu.request('GET', '/v1/users', undefined, {authorization: 'Bearer sk_test_wrong'})
    expect(res.status).toBe(401)
    expect(res.body.errors[0].code).toBe('clerk_key_invalid')
    res = await t.emu.request('GET', '/v1/jwks', undefined, {authorization: ''})
    expect(res.status).toBe(401)
    res = await t.emu.request('GET', '/__emulator/state', undefined, {authorization: ''})
    expect(res.status).toBe(401)
  })

  test('unknown route -> 404, bad JSON -> 400, always exactly application/json', async () => {
    const nf = await fetch(`${t.emu.url}/v1/no_such_thing`, {headers: {authorization: `Bearer ${t.emu.secretKey}`}})
    expect(nf.status).toBe(404)
    expect(nf.headers.get('content-type')).toBe('application/json')
    expect((await nf.json()).errors[0].code).toBe('resource_not_found')
    const bad = await t.emu.request('POST', '/v1/users', '{"email_address": [')
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toBe('application/json')
    expect(bad.body.errors[0]).toHaveProperty('long_message')
    expect((await t.emu.request('POST', '/v1/users', '[1,2]')).status).toBe(400)
  })

  test('the request log records method, path, query, status and times (not control routes)', async () => {
    const n = t.emu.requests.length
    await t.emu.request('GET', '/v1/users?limit=3&email_address=a@b.co&email_address=c@d.co')
    await t.emu.request('GET', '/__emulator/requests')
    expect(t.emu.requests.length).toBe(n + 1)
    const e = t.emu.requests.at(-1)!
    expect(e).toMatchObject({
      method: 'GET',
      path: '/v1/users',
      status: 200,
      query: {limit: '3', email_address: ['a@b.co', 'c@d.co']},
      body: [],
    })
    expect(e.endedAt).toBeGreaterThanOrEqual(e.startedAt)
    const viaHttp = await t.emu.request('GET', '/__emulator/requests')
    expect(viaHttp.body.at(-1)).toMatchObject({path: '/v1/users'})
  })
})

describe('JWKS and the signing key', () => {
  test('GET /v1/jwks serves the RSA public key; the private PEM signs, the JWK verifies', async () => {
    const res = await t.emu.request('GET', '/v1/jwks')
    expect(res.status).toBe(200)
    expect(res.body.keys).toHaveLength(1)
    const jwk = res.body.keys[0]
    expect(jwk).toMatchObject({use: 'sig', kty: 'RSA', alg: 'RS256', kid: t.emu.signingKey.kid, e: 'AQAB'})
    const pub = createPublicKey({key: jwk, format: 'jwk'})
    expect(pub.asymmetricKeyDetails?.modulusLength).toBe(2048)
    const sig = createSign('RSA-SHA256').update('hello').sign(createPrivateKey(t.emu.signingKey.privateKeyPem))
    expect(createVerify('RSA-SHA256').update('hello').verify(pub, sig)).toBe(true)
    expect(createPublicKey(t.emu.signingKey.publicKeyPem).export({format: 'jwk'}).n).toBe(jwk.n)
  })
})

describe('state: control routes, export/import, persist, seed', () => {
  test('export/import through /__emulator/state and reset', async () => {
    await t.emu.request('POST', '/v1/users', {email_address: ['state@example.com']})
    const state = (await t.emu.request('GET', '/__emulator/state')).body
    expect(state.version).toBe(1)
    expect(
      state.users.some(
        (u: {email_addresses: {email_address: string}[]}) => u.email_addresses[0].email_address === 'state@example.com',
      ),
    ).toBe(true)
    expect(state.signing_key.kid).toBe(t.emu.signingKey.kid)
    expect((await t.emu.request('POST', '/__emulator/reset')).status).toBe(200)
    expect((await t.emu.request('GET', '/v1/users/count')).body.total_count).toBe(0)
    expect((await t.emu.request('POST', '/__emulator/state', state)).status).toBe(200)
    expect((await t.emu.request('GET', '/v1/users/count')).body.total_count).toBe(state.users.length)
    // indexes are rebuilt on import: the email is still taken
    expect((await t.emu.request('POST', '/v1/users', {email_address: ['STATE@example.com']})).status).toBe(422)
    expect((await t.emu.request('POST', '/__emulator/state', {users: 'nope'})).status).toBe(400)
  })

  test('persist: state and signing key survive a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'emu-')), 'state.json')
    const a = await startEmulator({persist: file, rateLimit: 'off'})
    const created = await fetch(`${a.url}/v1/users`, {
      method: 'POST',
      headers: {authorization: `Bearer ${a.secretKey}`, 'content-type': 'application/json'},
      body: JSON.stringify({email_address: ['persist@example.com']}),
    }).then((r) => r.json())
    const kid = a.signingKey.kid
    await a.stop()
    expect(JSON.parse(readFileSync(file, 'utf8')).users).toHaveLength(1)
    const b = await startEmulator({persist: file, secretKey: 'sk_test_persisted'})
    const got = await fetch(`${b.url}/v1/users/${created.id}`, {
      headers: {authorization: 'Bearer sk_test_persisted'},
    }).then((r) => r.json())
    expect(got).toEqual(created)
    expect(b.signingKey.kid).toBe(kid)
    await b.stop()
  })

  test('seed from a file or an object; the sample fixture loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-'))
    const file = join(dir, 'seed.json')
    writeFileSync(file, JSON.stringify(t.emu.store.export()))
    const a = await startEmulator({seed: file})
    expect(a.store.users.size).toBe(t.emu.store.users.size)
    await a.stop()
    await withEmulator({seed: join(import.meta.dirname, '../../fixtures/sample-users.json')}, async (b) => {
      const res = await b.emu.request('GET', '/v1/users?limit=100')
      expect(res.body.length).toBeGreaterThanOrEqual(20)
    })
  })

  // speed belongs in bench/: this checks that 100k seeded users are unique and page correctly
  test('seedUsers(100k): unique users that page to the end', async () => {
    await withEmulator({rateLimit: 'off'}, async (big) => {
      big.emu.store.seedUsers(100_000)
      expect(big.emu.store.users.size).toBe(100_000)
      const res = await big.emu.request('GET', '/v1/users?limit=500&offset=99500')
      expect(res.body).toHaveLength(500)
      expect((await big.emu.request('GET', '/v1/users/count')).body.total_count).toBe(100_000)
      const emails = new Set(big.emu.store.users.values().map((u) => u.email_addresses[0].email_address))
      expect(emails.size).toBe(100_000)
    })
  })
})

test('seeded sample users never signed in after now', () =>
  withEmulator({rateLimit: 'off'}, async (h) => {
    h.seedUsers(50)
    const now = Date.now()
    for (const u of h.emu.store.users.values()) {
      expect(u.created_at as number).toBeLessThanOrEqual(now)
      if (u.last_sign_in_at !== null) expect(u.last_sign_in_at as number).toBeLessThanOrEqual(now)
    }
  }))
