/** clerk sessions list | get | revoke against the emulator. */
import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
let userId: string
const ids: string[] = []

beforeAll(async () => {
  userId = (await t.createUser({email_address: ['s@example.com']})).id
  for (let i = 0; i < 13; i++) ids.push((await t.emu.request('POST', '/v1/sessions', {user_id: userId})).body.id)
  await t.emu.request('POST', `/v1/sessions/${ids[0]}/revoke`)
})

describe('clerk sessions list', () => {
  it('one page by default (10), --limit/--offset, --status, --client', async () => {
    const r = await t.run(['sessions', 'list', '--user', userId, '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).map((s: {id: string}) => s.id)).toEqual([...ids].reverse().slice(0, 10))
    const page = await t.run(['sessions', 'list', '--user', userId, '--limit', '2', '--offset', '3', '-o', 'ndjson'])
    expect(
      page.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([ids[9], ids[8]])
    const revoked = await t.run([
      'sessions',
      'list',
      '--user',
      userId,
      '--status',
      'revoked',
      '-o',
      'csv',
      '--columns',
      'id,status',
    ])
    expect(revoked.stdout.split(/\r?\n/).slice(0, 3)).toEqual(['id,status', `${ids[0]},revoked`, ''])
    const clientId = t.emu.store.collection('sessions').get(ids[5])!.client_id
    const byClient = await t.run(['sessions', 'list', '--client', clientId, '-o', 'json'])
    expect(JSON.parse(byClient.stdout).map((s: {id: string}) => s.id)).toEqual([ids[5]])
  })

  it('--all walks every page until a short one', async () => {
    const from = t.emu.requests.length
    const r = await t.run(['sessions', 'list', '--user', userId, '--all', '--page-size', '5', '-o', 'ndjson'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(13)
    expect(t.emu.requests.slice(from).map((q) => q.query.offset)).toEqual(['0', '5', '10'])
    const table = await t.run(['sessions', 'list', '--user', userId, '--all'])
    expect(table.stdout.split('\n').filter((l) => l.includes('sess_'))).toHaveLength(13)
  })

  it('without --user or --client: exit 2, nothing sent', async () => {
    const from = t.emu.requests.length
    const r = await t.run(['sessions', 'list', '--status', 'active'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/missing --user or --client/)
    expect(t.emu.requests.length).toBe(from)
  })
})

describe('clerk sessions get / revoke', () => {
  it('get: the session; missing is exit 1 with the API message', async () => {
    const r = await t.run(['sessions', 'get', ids[4], '-o', 'json'])
    expect(JSON.parse(r.stdout)).toMatchObject({object: 'session', id: ids[4], user_id: userId, status: 'active'})
    const table = await t.run(['sessions', 'get', ids[4]])
    expect(table.stdout).toMatch(/STATUS\s*│\s*active/)
    const missing = await t.run(['sessions', 'get', 'sess_missing'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^Error: No session was found with id sess_missing \(HTTP 404 resource_not_found/)
  })

  it('revoke needs --yes without a terminal; with it the session is revoked', async () => {
    const from = t.emu.requests.length
    const no = await t.run(['sessions', 'revoke', ids[4]])
    expect(no.code).toBe(2)
    expect(no.stderr).toMatch(/Hint: add --yes/)
    expect(t.emu.requests.length).toBe(from)
    const r = await t.run(['sessions', 'revoke', ids[4], '--yes', '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).status).toBe('revoked')
    expect(t.emu.requests.slice(from).map((q) => `${q.method} ${q.path}`)).toEqual([
      `POST /v1/sessions/${ids[4]}/revoke`,
    ])
  })
})
