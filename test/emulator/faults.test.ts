import {afterEach, describe, expect, test} from 'vitest'
import {useEmulator, withEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: {limit: 1000, windowMs: 10_000}})
afterEach(() => {
  t.emu.clearFaults()
})

const count = async () => (await t.emu.request('GET', '/v1/users/count')).body.total_count

describe('faults', () => {
  test("'status' answers with Clerk's error body and Retry-After, once by default, before touching state", async () => {
    const before = await count()
    t.emu.injectFault({kind: 'status', status: 503, method: 'POST', path: '^/v1/users$', retryAfter: 2})
    const res = await t.emu.request('POST', '/v1/users', {email_address: ['faulted@example.com']})
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('2')
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.body.errors[0].code).toBe('maintenance_mode')
    expect(await count()).toBe(before) // nothing was created
    expect((await t.emu.request('POST', '/v1/users', {email_address: ['faulted@example.com']})).status).toBe(200)
  })

  test('method and path filters, times, every, probability, 429 and 500 bodies', async () => {
    t.emu.injectFault({kind: 'status', status: 500, path: '/count$', times: 2})
    expect((await t.emu.request('GET', '/v1/users')).status).toBe(200) // path does not match
    expect((await t.emu.request('GET', '/v1/users/count')).status).toBe(500)
    expect((await t.emu.request('GET', '/v1/users/count')).body.errors[0].code).toBe('internal_clerk_error')
    expect((await t.emu.request('GET', '/v1/users/count')).status).toBe(200)

    t.emu.injectFault({kind: 'status', status: 429, retryAfter: 7, every: 3, method: 'GET'})
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await t.emu.request('GET', '/v1/users')).status)
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429])
    t.emu.clearFaults()

    t.emu.injectFault({kind: 'status', status: 502, probability: 0})
    expect((await t.emu.request('GET', '/v1/users')).status).toBe(200)
    t.emu.clearFaults()
    t.emu.injectFault({kind: 'status', status: 502, probability: 1, times: 2})
    expect((await t.emu.request('GET', '/v1/users')).status).toBe(502)
    expect((await t.emu.request('GET', '/v1/users')).status).toBe(502)
    expect((await t.emu.request('GET', '/v1/users')).status).toBe(200)
  })

  test("'reset' destroys the socket without a response", async () => {
    t.emu.injectFault({kind: 'reset', path: '^/v1/users$'})
    await expect(t.emu.request('GET', '/v1/users')).rejects.toThrow()
    expect(t.emu.requests.at(-1)).toMatchObject({path: '/v1/users', status: 0})
    expect((await t.emu.request('GET', '/v1/users')).status).toBe(200)
  })

  test("'hang' never answers (a client timeout fires)", async () => {
    t.emu.injectFault({kind: 'hang', method: 'GET'})
    const t0 = Date.now()
    await expect(
      fetch(`${t.emu.url}/v1/users`, {
        headers: {authorization: `Bearer ${t.emu.secretKey}`},
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow()
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250)
    expect((await t.emu.request('GET', '/v1/users')).status).toBe(200)
  })

  test("'latency' delays the normal response", async () => {
    t.emu.injectFault({kind: 'latency', ms: 300})
    const t0 = Date.now()
    const res = await t.emu.request('GET', '/v1/users')
    expect(res.status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290)
  })

  test('control route: POST /__emulator/faults (one or many), DELETE clears; control routes are never faulted', async () => {
    let res = await t.emu.request('POST', '/__emulator/faults', [
      {kind: 'status', status: 503, times: 5},
      {kind: 'latency', ms: 1},
    ])
    expect(res.status).toBe(200)
    expect(res.body.faults).toHaveLength(2)
    expect((await t.emu.request('GET', '/v1/users')).status).toBe(503)
    expect((await t.emu.request('GET', '/__emulator/state')).status).toBe(200)
    res = await t.emu.request('DELETE', '/__emulator/faults')
    expect(res.body).toEqual({faults: []})
    expect((await t.emu.request('GET', '/v1/users')).status).toBe(200)
    expect((await t.emu.request('POST', '/__emulator/faults', {kind: 'explode'})).status).toBe(400)
    expect((await t.emu.request('POST', '/__emulator/faults', {kind: 'status', path: '(['})).status).toBe(400)
  })

  test('emulator-wide latencyMs', async () => {
    await withEmulator({latencyMs: 150}, async (slow) => {
      const t0 = Date.now()
      expect((await slow.emu.request('GET', '/v1/users')).status).toBe(200)
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
    })
  })
})
