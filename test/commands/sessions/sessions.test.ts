/** clerk sessions list | get | revoke against the emulator. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {emulatorEnv, runCli} from '../../helpers/cli.js'
import {startTestEmulator, type TestEmulator} from '../../helpers/emulator.js'

let emu: TestEmulator
let env: Record<string, string>
let userId: string
const ids: string[] = []

beforeAll(async () => {
  emu = await startTestEmulator({rateLimit: 'off'})
  env = emulatorEnv(emu)
  userId = (await emu.request('POST', '/v1/users', {email_address: ['s@example.com']})).body.id
  for (let i = 0; i < 13; i++) ids.push((await emu.request('POST', '/v1/sessions', {user_id: userId})).body.id)
  await emu.request('POST', `/v1/sessions/${ids[0]}/revoke`)
})
afterAll(async () => {
  emu.assertResponsesMatchSpec()
  await emu.stop()
})

describe('clerk sessions list', () => {
  it('one page by default (10), --limit/--offset, --status, --client', async () => {
    const r = await runCli(['sessions', 'list', '--user', userId, '-o', 'json'], {env})
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).map((s: {id: string}) => s.id)).toEqual([...ids].reverse().slice(0, 10))
    const page = await runCli(['sessions', 'list', '--user', userId, '--limit', '2', '--offset', '3', '-o', 'ndjson'], {
      env,
    })
    expect(
      page.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([ids[9], ids[8]])
    const revoked = await runCli(
      ['sessions', 'list', '--user', userId, '--status', 'revoked', '-o', 'csv', '--columns', 'id,status'],
      {env},
    )
    expect(revoked.stdout.split(/\r?\n/).slice(0, 3)).toEqual(['id,status', `${ids[0]},revoked`, ''])
    const clientId = emu.store.collection('sessions').get(ids[5])!.client_id
    const byClient = await runCli(['sessions', 'list', '--client', clientId, '-o', 'json'], {env})
    expect(JSON.parse(byClient.stdout).map((s: {id: string}) => s.id)).toEqual([ids[5]])
  })

  it('--all walks every page until a short one', async () => {
    const from = emu.requests.length
    const r = await runCli(['sessions', 'list', '--user', userId, '--all', '--page-size', '5', '-o', 'ndjson'], {env})
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(13)
    expect(emu.requests.slice(from).map((q) => q.query.offset)).toEqual(['0', '5', '10'])
    const table = await runCli(['sessions', 'list', '--user', userId, '--all'], {env})
    expect(table.stdout.split('\n').filter((l) => l.includes('sess_'))).toHaveLength(13)
  })

  it('without --user or --client: exit 2, nothing sent', async () => {
    const from = emu.requests.length
    const r = await runCli(['sessions', 'list', '--status', 'active'], {env})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/missing --user or --client/)
    expect(emu.requests.length).toBe(from)
  })
})

describe('clerk sessions get / revoke', () => {
  it('get: the session; missing is exit 1 with the API message', async () => {
    const r = await runCli(['sessions', 'get', ids[4], '-o', 'json'], {env})
    expect(JSON.parse(r.stdout)).toMatchObject({object: 'session', id: ids[4], user_id: userId, status: 'active'})
    const table = await runCli(['sessions', 'get', ids[4]], {env})
    expect(table.stdout).toMatch(/STATUS\s*│\s*active/)
    const missing = await runCli(['sessions', 'get', 'sess_missing'], {env})
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^Error: no session with id sess_missing \(HTTP 404 resource_not_found/)
  })

  it('revoke needs --yes without a terminal; with it the session is revoked', async () => {
    const from = emu.requests.length
    const no = await runCli(['sessions', 'revoke', ids[4]], {env})
    expect(no.code).toBe(2)
    expect(no.stderr).toMatch(/Hint: add --yes/)
    expect(emu.requests.length).toBe(from)
    const r = await runCli(['sessions', 'revoke', ids[4], '--yes', '-o', 'json'], {env})
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).status).toBe('revoked')
    expect(emu.requests.slice(from).map((q) => `${q.method} ${q.path}`)).toEqual([`POST /v1/sessions/${ids[4]}/revoke`])
  })
})
