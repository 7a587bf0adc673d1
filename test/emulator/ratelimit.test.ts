import {describe, expect, test} from 'vitest'
import {RateLimiter, defaultRules, retryAfterSeconds} from '../../src/emulator/ratelimit.js'
import {withEmulator} from '../helpers/harness.js'

const req = (method: string, path: string, secretKey = 'sk_test_a') => ({method, path, secretKey})

describe('RateLimiter (token bucket, fake clock)', () => {
  test('capacity = limit, continuous refill, rejected requests consume nothing', () => {
    const l = new RateLimiter(defaultRules({limit: 100, windowMs: 10_000}))
    for (let i = 0; i < 100; i++) expect(l.check(req('GET', '/v1/users'), 0).ok).toBe(true)
    const no = l.check(req('GET', '/v1/users'), 0)
    expect(no).toEqual({ok: false, rule: 'instance', retryAfterMs: 100})
    expect(retryAfterSeconds(100)).toBe(1)
    for (let i = 0; i < 5; i++) expect(l.check(req('GET', '/v1/users'), 50).ok).toBe(false)
    expect(l.check(req('GET', '/v1/users'), 100).ok).toBe(true) // exactly one token back after 100 ms
    expect(l.check(req('GET', '/v1/users'), 100).ok).toBe(false)
    expect(l.check(req('GET', '/v1/users', 'sk_test_b'), 100).ok).toBe(true) // buckets are per secret key
    expect(l.check(req('GET', '/v1/jwks'), 100).ok).toBe(true) // JWKS is exempt
  })

  test('per-user update rule: 10 / 10 s per user id, PATCH user and metadata share it', () => {
    const l = new RateLimiter(defaultRules({limit: 1000, windowMs: 10_000}))
    for (let i = 0; i < 5; i++) expect(l.check(req('PATCH', '/v1/users/user_1'), 0).ok).toBe(true)
    for (let i = 0; i < 5; i++) expect(l.check(req('PUT', '/v1/users/user_1/metadata'), 0).ok).toBe(true)
    expect(l.check(req('PATCH', '/v1/users/user_1/metadata'), 0)).toMatchObject({
      ok: false,
      rule: 'user_update',
      retryAfterMs: 1000,
    })
    expect(l.check(req('PATCH', '/v1/users/user_2'), 0).ok).toBe(true)
    expect(l.check(req('GET', '/v1/users/user_1'), 0).ok).toBe(true)
  })

  test('endpoint rules and off', () => {
    const l = new RateLimiter(defaultRules({limit: 1000, windowMs: 10_000}))
    for (let i = 0; i < 25; i++) expect(l.check(req('POST', '/v1/invitations/bulk'), 0).ok).toBe(true)
    const no = l.check(req('POST', '/v1/invitations/bulk'), 0)
    expect(no.ok).toBe(false)
    expect(retryAfterSeconds((no as {retryAfterMs: number}).retryAfterMs)).toBe(144) // 1 h / 25
    l.setInstanceRate('off')
    expect(l.check(req('POST', '/v1/invitations/bulk'), 0).ok).toBe(true)
  })
})

describe('429 over HTTP', () => {
  test('Retry-After and Clerk body when the bucket is empty; refill admits again; control routes are free', async () => {
    let now = Date.now()
    await withEmulator({rateLimit: {limit: 5, windowMs: 1000}, clock: () => now}, async (t) => {
      for (let i = 0; i < 5; i++) expect((await t.emu.request('GET', '/v1/users')).status).toBe(200)
      const res = await t.emu.request('GET', '/v1/users/count')
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('1')
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(res.body.errors[0].code).toBe('too_many_requests')
      expect((await t.emu.request('GET', '/__emulator/requests')).status).toBe(200)
      expect((await t.emu.request('GET', '/v1/jwks')).status).toBe(200)
      now += 250 // 5/s -> one token per 200 ms
      expect((await t.emu.request('GET', '/v1/users')).status).toBe(200)
      expect((await t.emu.request('GET', '/v1/users')).status).toBe(429)
    })
  })

  test('Retry-After rounds the wait for one token up to whole seconds', async () => {
    const now = Date.now()
    await withEmulator({rateLimit: {limit: 2, windowMs: 10_000}, clock: () => now}, async (t) => {
      await t.emu.request('GET', '/v1/users')
      await t.emu.request('GET', '/v1/users')
      const res = await t.emu.request('GET', '/v1/users')
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('5')
    })
  })

  test('default rate by key kind; setRateLimit and the control route change it', async () => {
    const now = Date.now() // frozen: no refill however slow the machine is
    await withEmulator({clock: () => now}, async (t) => {
      const codes: number[] = []
      for (let i = 0; i < 101; i++) codes.push((await t.emu.request('GET', '/v1/users/count')).status)
      expect(codes.filter((c) => c === 200)).toHaveLength(100)
      expect(codes.at(-1)).toBe(429)
      t.emu.setRateLimit('off')
      expect((await t.emu.request('GET', '/v1/users/count')).status).toBe(200)
      expect((await t.emu.request('POST', '/__emulator/rate-limit', {rate: '1/1h'})).status).toBe(200)
      expect((await t.emu.request('GET', '/v1/users/count')).status).toBe(200)
      const res = await t.emu.request('GET', '/v1/users/count')
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('3600')
      expect((await t.emu.request('POST', '/__emulator/rate-limit', {rate: 'fast'})).status).toBe(400)
    })
  })

  test('per-user PATCH limit: the 11th update of one user in 10 s is a 429, other users are unaffected', () =>
    withEmulator({rateLimit: {limit: 1000, windowMs: 10_000}}, async (t) => {
      const a = await t.createUser({email_address: ['a@example.com']})
      const b = await t.createUser({email_address: ['b@example.com']})
      for (let i = 0; i < 9; i++)
        expect((await t.emu.request('PATCH', `/v1/users/${a.id}`, {first_name: `A${i}`})).status).toBe(200)
      expect((await t.emu.request('PATCH', `/v1/users/${a.id}/metadata`, {public_metadata: {n: 1}})).status).toBe(200)
      const res = await t.emu.request('PATCH', `/v1/users/${a.id}`, {first_name: 'too many'})
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('1')
      expect((await t.emu.request('GET', `/v1/users/${a.id}`)).body.first_name).toBe('A8') // the rejected update did nothing
      expect((await t.emu.request('PATCH', `/v1/users/${b.id}`, {first_name: 'B'})).status).toBe(200)
    }))
})
