/** users sessions USER_ID and users revoke-sessions USER_ID. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {emulatorEnv, runCli} from '../../helpers/cli.js'
import {startTestEmulator, type TestEmulator} from '../../helpers/emulator.js'

let emu: TestEmulator
let env: Record<string, string>
let id: string
const sessionIds: string[] = []

beforeAll(async () => {
  emu = await startTestEmulator({rateLimit: 'off'})
  env = emulatorEnv(emu)
  id = (await emu.request('POST', '/v1/users', {email_address: ['sess@example.com']})).body.id
  const other = (await emu.request('POST', '/v1/users', {email_address: ['other@example.com']})).body.id
  for (let i = 0; i < 4; i++) sessionIds.push((await emu.request('POST', '/v1/sessions', {user_id: id})).body.id)
  await emu.request('POST', '/v1/sessions', {user_id: other})
  await emu.request('POST', `/v1/sessions/${sessionIds[0]}/revoke`)
})
afterAll(async () => {
  emu.assertResponsesMatchSpec()
  await emu.stop()
})

describe('clerk users sessions', () => {
  it("lists the user's sessions, newest first, by id or --email; --status narrows", async () => {
    const r = await runCli(['users', 'sessions', id, '-o', 'json'], {env})
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).map((s: {id: string}) => s.id)).toEqual([...sessionIds].reverse())
    const active = await runCli(
      ['users', 'sessions', '--email', 'sess@example.com', '--status', 'active', '-o', 'ndjson'],
      {env},
    )
    expect(active.stdout.trim().split('\n')).toHaveLength(3)
    const table = await runCli(['users', 'sessions', id], {env})
    expect(table.stdout).toMatch(/ID.*USER.*STATUS/)
    expect(table.stdout).toMatch(/revoked/)
    const csv = await runCli(['users', 'sessions', id, '-o', 'csv', '--columns', 'id,status'], {env})
    expect(csv.stdout.split(/\r?\n/)[1]).toBe(`${sessionIds[3]},active`)
  })

  it('a bad --status is a usage error; a user with no sessions prints nothing', async () => {
    expect((await runCli(['users', 'sessions', id, '--status', 'sleeping'], {env})).code).toBe(2)
    const none = await runCli(['users', 'sessions', 'user_none', '-o', 'json'], {env})
    expect(none.code).toBe(0)
    expect(JSON.parse(none.stdout)).toEqual([])
  })
})

describe('clerk users revoke-sessions', () => {
  it('revokes every active session (one list, one revoke each) and prints them', async () => {
    const from = emu.requests.length
    const r = await runCli(['users', 'revoke-sessions', id, '--yes', '-o', 'json'], {env})
    expect(r.code, r.stderr).toBe(0)
    const revoked = JSON.parse(r.stdout)
    expect(revoked.map((s: {id: string}) => s.id).sort()).toEqual(sessionIds.slice(1).sort())
    expect(revoked.every((s: {status: string}) => s.status === 'revoked')).toBe(true)
    const calls = emu.requests.slice(from).map((q) => `${q.method} ${q.path}`)
    expect(calls[0]).toBe('GET /v1/sessions')
    expect(emu.requests[from].query).toMatchObject({user_id: id, status: 'active'})
    expect(calls.slice(1).sort()).toEqual(
      sessionIds
        .slice(1)
        .map((s) => `POST /v1/sessions/${s}/revoke`)
        .sort(),
    )
    const other = emu.store
      .collection('sessions')
      .values()
      .filter((s) => s.user_id !== id)
    expect(other.map((s) => s.status)).toEqual(['active'])
  })

  it('no active sessions: says so and sends nothing (without a terminal --yes is still required)', async () => {
    const noYes = await runCli(['users', 'revoke-sessions', '--email', 'sess@example.com'], {env})
    expect(noYes.code).toBe(2)
    const from = emu.requests.length
    const r = await runCli(['users', 'revoke-sessions', '--email', 'sess@example.com', '--yes'], {env})
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/has no active sessions; nothing to revoke/)
    expect(emu.requests.slice(from).filter((q) => q.method !== 'GET')).toEqual([])
  })
})
