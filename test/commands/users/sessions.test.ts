/** users sessions USER_ID and users revoke-sessions USER_ID. */
import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
let id: string
const sessionIds: string[] = []

beforeAll(async () => {
  id = (await t.createUser('sess@example.com')).id
  const other = (await t.createUser('other@example.com')).id
  for (let i = 0; i < 4; i++) sessionIds.push((await t.emu.request('POST', '/v1/sessions', {user_id: id})).body.id)
  await t.emu.request('POST', '/v1/sessions', {user_id: other})
  await t.emu.request('POST', `/v1/sessions/${sessionIds[0]}/revoke`)
})

describe('clerk users sessions', () => {
  it("lists the user's sessions, newest first, by id or --email; --status narrows", async () => {
    const r = await t.run(['users', 'sessions', id, '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).map((s: {id: string}) => s.id)).toEqual([...sessionIds].reverse())
    const active = await t.run([
      'users',
      'sessions',
      '--email',
      'sess@example.com',
      '--status',
      'active',
      '-o',
      'ndjson',
    ])
    expect(active.stdout.trim().split('\n')).toHaveLength(3)
    const table = await t.run(['users', 'sessions', id])
    expect(table.stdout).toMatch(/ID.*USER.*STATUS/)
    expect(table.stdout).toMatch(/revoked/)
    const csv = await t.run(['users', 'sessions', id, '-o', 'csv', '--columns', 'id,status'])
    expect(csv.stdout.split(/\r?\n/)[1]).toBe(`${sessionIds[3]},active`)
  })

  it('a bad --status is a usage error; a user with no sessions prints nothing', async () => {
    expect((await t.run(['users', 'sessions', id, '--status', 'sleeping'])).code).toBe(2)
    const none = await t.run(['users', 'sessions', 'user_none', '-o', 'json'])
    expect(none.code).toBe(0)
    expect(JSON.parse(none.stdout)).toEqual([])
  })
})

describe('clerk users revoke-sessions', () => {
  it('revokes every active session (one list, one revoke each) and prints them', async () => {
    const from = t.emu.requests.length
    const r = await t.run(['users', 'revoke-sessions', id, '--yes', '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    const revoked = JSON.parse(r.stdout)
    expect(revoked.map((s: {id: string}) => s.id).sort()).toEqual(sessionIds.slice(1).sort())
    expect(revoked.every((s: {status: string}) => s.status === 'revoked')).toBe(true)
    const calls = t.emu.requests.slice(from).map((q) => `${q.method} ${q.path}`)
    expect(calls[0]).toBe('GET /v1/sessions')
    expect(t.emu.requests[from].query).toMatchObject({user_id: id, status: 'active'})
    expect(calls.slice(1).sort()).toEqual(
      sessionIds
        .slice(1)
        .map((s) => `POST /v1/sessions/${s}/revoke`)
        .sort(),
    )
    const other = t.emu.store
      .collection('sessions')
      .values()
      .filter((s) => s.user_id !== id)
    expect(other.map((s) => s.status)).toEqual(['active'])
  })

  it('no active sessions: says so and sends nothing (without a terminal --yes is still required)', async () => {
    const noYes = await t.run(['users', 'revoke-sessions', '--email', 'sess@example.com'])
    expect(noYes.code).toBe(2)
    const from = t.emu.requests.length
    const r = await t.run(['users', 'revoke-sessions', '--email', 'sess@example.com', '--yes'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/has no active sessions; nothing to revoke/)
    expect(t.emu.requests.slice(from).filter((q) => q.method !== 'GET')).toEqual([])
  })
})
