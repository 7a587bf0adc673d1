/**
 * `clerk mcp serve` driven by the MCP SDK's own client over stdio, against the emulator: the tools are
 * listed, reads answer BAPI's JSON, a write without confirm sends nothing and answers its plan, with confirm
 * it acts, and a production key refuses writes.
 */
import {describe, expect, it} from 'vitest'

import {type Harness, useEmulator, withEmulator} from '../helpers/harness.js'
import {connectMcp} from '../helpers/mcp.js'

const t = useEmulator({rateLimit: 'off'})

const connect = async (h: Harness, args: string[] = []) => (await connectMcp(h, args)).client

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const text = (r: any): any => JSON.parse(r.content[0].text)

describe('clerk mcp serve', () => {
  it('lists its tools, reads users, plans a write without confirm and sends it with confirm', async () => {
    t.seedUsers(3)
    const client = await connect(t)
    try {
      const {tools} = await client.listTools()
      const names = tools.map((x) => x.name)
      for (const n of ['users_list', 'users_get', 'orgs_list', 'token_verify', 'api_get', 'users_ban', 'orgs_invite'])
        expect(names).toContain(n)
      expect(tools.find((x) => x.name === 'users_ban')?.inputSchema.required).toEqual(['user_id'])

      const users = text(await client.callTool({name: 'users_list', arguments: {limit: 2}}))
      expect(users).toHaveLength(2)
      const target = users[0].id
      expect(text(await client.callTool({name: 'users_get', arguments: {user_id: target}})).id).toBe(target)

      const since = t.mark()
      const plan = text(await client.callTool({name: 'users_ban', arguments: {user_id: target}}))
      expect(plan).toMatchObject({sent: false, plan: {method: 'POST', path: `/v1/users/${target}/ban`, requests: 1}})
      expect(since()).toEqual([])
      expect(t.emu.store.users.get(target)?.banned).toBe(false)

      const banned = text(await client.callTool({name: 'users_ban', arguments: {user_id: target, confirm: true}}))
      expect(banned).toMatchObject({id: target, banned: true})
      expect(since().map((q) => `${q.method} ${q.path}`)).toEqual([`POST /v1/users/${target}/ban`])

      const invalid = await client.callTool({name: 'users_get', arguments: {user_id: 42}})
      expect(invalid.isError).toBe(true)
      const missing = await client.callTool({name: 'users_get', arguments: {user_id: 'user_missing'}})
      expect(missing.isError).toBe(true)
      expect(text(missing).error).toMatchObject({code: 'resource_not_found', exit: 1, status: 404})
    } finally {
      await client.close()
    }
  })

  it('refuses writes with a production key unless --allow-production-writes', async () => {
    await withEmulator({rateLimit: 'off', secretKey: 'sk_live_mcp_test_key_0123456789'}, async (h) => {
      h.seedUsers(1)
      const [client, allowed] = await Promise.all([connect(h), connect(h, ['--allow-production-writes'])])
      try {
        const [user] = text(await client.callTool({name: 'users_list', arguments: {limit: 1}}))
        const since = h.mark()
        const refused = await client.callTool({name: 'users_ban', arguments: {user_id: user.id, confirm: true}})
        expect(refused.isError).toBe(true)
        expect(text(refused).error).toMatchObject({code: 'production_write_refused', exit: 4})
        const bulk = await client.callTool({name: 'users_bulk', arguments: {action: 'ban', user_ids: [user.id]}})
        expect(text(bulk).error).toMatchObject({code: 'production_write_refused', exit: 4})
        expect(since()).toEqual([])
        const ok = await allowed.callTool({name: 'users_ban', arguments: {user_id: user.id, confirm: true}})
        expect(text(ok)).toMatchObject({id: user.id, banned: true})
      } finally {
        await Promise.all([client.close(), allowed.close()])
      }
    })
  })
})
