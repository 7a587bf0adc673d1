import {describe, expect, it} from 'vitest'

import {withEmulator} from '../helpers/harness.js'

describe('emulator faults with after: the request takes effect, the answer is lost', () => {
  it('status after: the user is created but the client sees a 502', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.emu.injectFault({method: 'POST', path: '^/v1/users$', kind: 'status', status: 502, after: true})
      const r = await t.emu.request('POST', '/v1/users', {email_address: ['a@x.io']})
      expect(r.status).toBe(502)
      expect(r.body.errors[0].code).toBeTruthy()
      expect(t.emu.store.users.size).toBe(1)
      const again = await t.emu.request('POST', '/v1/users', {email_address: ['a@x.io']})
      expect(again.status).toBe(422)
      t.emu.assertResponsesMatchSpec()
    }))

  it('reset after: the connection drops after the user was created', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.emu.injectFault({method: 'POST', path: '^/v1/users$', kind: 'reset', after: true})
      await expect(t.emu.request('POST', '/v1/users', {email_address: ['b@x.io']})).rejects.toThrow()
      expect(t.emu.store.users.size).toBe(1)
      expect(t.emu.requests.at(-1)).toMatchObject({method: 'POST', status: 0})
    }))

  it('without after, a fault leaves the state untouched; after is only for status and reset', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.emu.injectFault({method: 'POST', path: '^/v1/users$', kind: 'status', status: 503})
      expect((await t.emu.request('POST', '/v1/users', {email_address: ['c@x.io']})).status).toBe(503)
      expect(t.emu.store.users.size).toBe(0)
      expect(() => t.emu.injectFault({kind: 'latency', ms: 5, after: true})).toThrow(/after/)
    }))
})
