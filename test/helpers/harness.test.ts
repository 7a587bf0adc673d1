/** The harness itself: its spec check can fail, and its runner asserts what it says it asserts. */
import {describe, expect, it} from 'vitest'

import type {RequestLogEntry} from '../../src/emulator/server.js'
import {withEmulator} from './harness.js'

/** A logged answer that breaks the spec: GET /v1/users/count must answer {object, total_count}. */
const badEntry = (): RequestLogEntry => ({
  method: 'GET',
  path: '/v1/users/count',
  query: {},
  status: 200,
  startedAt: Date.now(),
  endedAt: Date.now(),
  body: {count: 'many'},
})

describe('test harness', () => {
  it('withEmulator fails when a response it served breaks the spec, and passes the same run without it', async () => {
    await expect(
      withEmulator({rateLimit: 'off'}, async (t) => {
        expect((await t.emu.request('GET', '/v1/users/count')).status).toBe(200)
        t.emu.requests.push(badEntry())
      }),
    ).rejects.toThrow(/response\(s\) do not match the spec:\nGET \/users\/count 200/)
    await withEmulator({rateLimit: 'off'}, async (t) => {
      expect((await t.emu.request('GET', '/v1/users/count')).status).toBe(200)
      expect(t.emu.specErrors()).toEqual([])
      t.emu.requests.push(badEntry())
      expect(t.emu.specErrors()).not.toEqual([])
      expect(t.emu.specErrors(t.emu.requests.length)).toEqual([]) // `from` skips what was checked already
      t.emu.requests.pop()
    })
  })

  it('createUser goes through POST /v1/users and insists on a 200; mark() sees only what came after it', async () => {
    await withEmulator({rateLimit: 'off'}, async (t) => {
      const since = t.mark()
      const ada = await t.createUser('ada@example.com')
      expect(ada).toMatchObject({object: 'user', email_addresses: [{email_address: 'ada@example.com'}]})
      expect(since().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /v1/users 200'])
      await expect(t.createUser({email_address: ['not-an-email']})).rejects.toThrow(/POST \/v1\/users/)
    })
  })

  it('ok/usage/fails put the argv and stderr in the failure message', async () => {
    await withEmulator({rateLimit: 'off'}, async (t) => {
      await expect(t.ok(['users', 'get', 'user_missing'])).rejects.toThrow(
        /clerk users get user_missing exited 1[\s\S]*stderr: Error: No user was found with id user_missing/,
      )
      await expect(t.usage(['users', 'list'])).rejects.toThrow(/clerk users list exited 0/)
      expect((await t.fails(2, ['users', 'list', '--bogus'])).stderr).toMatch(/--bogus/)
    })
  })
})
