/** Naming a user by id, --email or --external-id (one lookup), and `users count` with the list filters. */
import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
let ada: {id: string}
beforeAll(async () => {
  t.seedUsers(12)
  ada = (
    await t.emu.request('POST', '/v1/users', {
      email_address: ['ada@example.com'],
      external_id: 'crm-1',
      first_name: 'Ada',
    })
  ).body
  const twin = await t.createUser({email_address: ['twin@example.com']})
  // BAPI does not promise unique external ids across imports: two users share one here
  t.emu.store.users.set({...twin, external_id: 'shared'})
  const other = await t.createUser({email_address: ['other@example.com']})
  t.emu.store.users.set({...other, external_id: 'shared'})
  await t.emu.request('POST', `/v1/users/${twin.id}/ban`)
})

describe('users get: by id, --email, --external-id', () => {
  it('--email and --external-id resolve with exactly one request', async () => {
    for (const args of [
      ['--email', 'ada@example.com'],
      ['--external-id', 'crm-1'],
    ]) {
      const from = t.emu.requests.length
      const r = await t.run(['users', 'get', ...args, '-o', 'json'])
      expect(r.code, r.stderr).toBe(0)
      expect(JSON.parse(r.stdout).id).toBe(ada.id)
      expect(t.emu.requests.slice(from).map((q) => `${q.method} ${q.path}`)).toEqual(['GET /v1/users'])
    }
  })

  it('no such email: exit 1, one clear line', async () => {
    const r = await t.run(['users', 'get', '--email', 'nobody@example.com'])
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe('Error: no user with email address nobody@example.com')
  })

  it('ambiguous external id: exit 2 listing the ids', async () => {
    const r = await t.run(['users', 'get', '--external-id', 'shared'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /^Error: more than one user has external id shared \(user_\w+, user_\w+\)\nHint: name the user by USER_ID/,
    )
  })

  it('USER_ID and --email together, or neither without a terminal: exit 2', async () => {
    const both = await t.run(['users', 'get', ada.id, '--email', 'ada@example.com'])
    expect(both.code).toBe(2)
    const neither = await t.run(['users', 'get'])
    expect(neither.code).toBe(2)
    expect(neither.stderr).toMatch(/missing USER_ID/)
    const exclusive = await t.run(['users', 'get', '--email', 'a@example.com', '--external-id', 'x'])
    expect(exclusive.code).toBe(2)
  })
})

describe('users count', () => {
  it('counts everyone, or with the same filters as list (one request)', async () => {
    const all = await t.run(['users', 'count'])
    expect(all.code, all.stderr).toBe(0)
    expect(all.stdout).toBe('15\n')
    const from = t.emu.requests.length
    const banned = await t.run(['users', 'count', '--banned', '-o', 'json'])
    expect(JSON.parse(banned.stdout)).toEqual({object: 'total_count', total_count: 1})
    expect(t.emu.requests.slice(from).map((q) => q.path)).toEqual(['/v1/users/count'])
    expect(t.emu.requests.at(-1)?.query).toEqual({banned: 'true'})
    const notBanned = await t.run(['users', 'count', '--no-banned', '-o', 'ndjson'])
    expect(JSON.parse(notBanned.stdout).total_count).toBe(14)
    const q = await t.run([
      'users',
      'count',
      '--query',
      'ada',
      '--email',
      'ada@example.com',
      '--external-id',
      'crm-1',
      '-o',
      'csv',
    ])
    expect(q.stdout.split(/\r?\n/).slice(0, 2)).toEqual(['total_count', '1'])
    const created = await t.run([
      'users',
      'count',
      '--created-after',
      '2000-01-01',
      '--created-before',
      String(Date.now() + 60_000),
    ])
    expect(created.stdout).toBe('15\n')
  })

  it('the list and count filters are the same flags', async () => {
    const list = await t.run(['users', 'list', '--banned', '-o', 'json'])
    expect(JSON.parse(list.stdout)).toHaveLength(1)
    const bad = await t.run(['users', 'count', '--created-after', 'yesterday-ish'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--created-after: "yesterday-ish" is not a date\/time/)
  })
})
