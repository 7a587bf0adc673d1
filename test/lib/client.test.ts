// In-process checks of the shared client's raw path and SDK path (vitest sets NODE_ENV=test; the
// spawned-process tests in limiter.test.ts prove the production path).
import {beforeAll, describe, expect, it} from 'vitest'

import {type Client, getClient} from '../../src/lib/http/client.js'
import {resolveConfig} from '../../src/lib/config/resolve.js'
import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
let client: Client
const notes: string[] = []

beforeAll(async () => {
  const cfg = resolveConfig(
    {'api-url': t.emu.url, 'secret-key': t.emu.secretKey, 'no-input': true},
    {CLERK_ADMIN_CONFIG_DIR: '/nonexistent'},
  )
  client = await getClient(cfg, {version: '0.0.0-test', notify: (m) => notes.push(m)})
})

describe('the shared client', () => {
  it('does not retry a POST after a 503 (it may have been processed)', async () => {
    t.emu.injectFault({method: 'POST', path: '^/v1/users$', kind: 'status', status: 503, times: 1})
    const before = t.emu.requests.length
    await expect(
      client.request('POST', '/users', {body: {email_address: ['post-once@example.com']}}),
    ).rejects.toMatchObject({status: 503})
    expect(t.emu.requests.slice(before).filter((q) => q.method === 'POST')).toHaveLength(1)
    expect(t.emu.store.users.size).toBe(0)
  })

  it('does not retry a POST after a connection reset', async () => {
    t.emu.injectFault({method: 'POST', path: '^/v1/users$', kind: 'reset', times: 1})
    const before = t.emu.requests.length
    await expect(
      client.request('POST', '/users', {body: {email_address: ['reset@example.com']}}),
    ).rejects.toMatchObject({status: undefined})
    expect(t.emu.requests.slice(before).filter((q) => q.method === 'POST')).toHaveLength(1)
  })

  it('sends the SDK and raw requests through one limiter, one job per request', async () => {
    const jobs = client.limiter.stats.jobs
    const before = t.emu.requests.length
    const clerk = await client.sdk()
    const created = await clerk.users.createUser({emailAddress: ['sdk@example.com'], firstName: 'Sdk'})
    const list = await clerk.users.getUserList({limit: 5}) // two requests: /users and /users/count
    const raw = await client.request<Array<{id: string}>>('GET', '/users', {query: {user_id: [created.id]}})
    expect(list.totalCount).toBeGreaterThanOrEqual(1)
    expect(raw[0].id).toBe(created.id)
    expect(client.limiter.stats.jobs - jobs).toBe(4)
    expect(t.emu.requests.length - before).toBe(4)
  })

  it('retries a 429 after pausing for Retry-After, saying so once', async () => {
    t.emu.injectFault({method: 'GET', path: '^/v1/users/count$', kind: 'status', status: 429, retryAfter: 1, times: 1})
    const started = Date.now()
    const body = await client.request<{total_count: number}>('GET', '/users/count')
    expect(body.total_count).toBeGreaterThanOrEqual(1)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(notes.filter((n) => /rate limited/.test(n))).toHaveLength(1)
  })

  it('surfaces API errors as ApiError with the long message, code and status', async () => {
    await expect(client.request('POST', '/users', {body: {email_address: ['not-an-email']}})).rejects.toMatchObject({
      status: 422,
      errors: [expect.objectContaining({code: 'form_param_format_invalid'})],
    })
  })
})
