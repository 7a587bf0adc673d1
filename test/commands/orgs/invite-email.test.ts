import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
let org: {id: string}
let admin: {id: string}
const posts = (suffix: string) =>
  t.emu.requests.filter((r) => r.method === 'POST' && r.path === `/v1/organizations/${org.id}/invitations${suffix}`)
    .length

beforeAll(async () => {
  admin = (
    await t.emu.request('POST', '/v1/users', {email_address: ['boss@team.test'], skip_password_requirement: true})
  ).body
  org = (await t.emu.request('POST', '/v1/organizations', {name: 'Team', slug: 'team', created_by: admin.id})).body
})

describe('clerk orgs invite --email', () => {
  it('one address uses the single endpoint, with role, inviter, metadata and redirect', async () => {
    const r = await t.run([
      'orgs',
      'invite',
      'team',
      '--email',
      'Ada@Team.test',
      '--role',
      'org:admin',
      '--inviter',
      admin.id,
      '--public-metadata',
      '{"dept":"eng"}',
      '--redirect-url',
      'https://app.test/join',
      '-o',
      'json',
    ])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject([{email: 'ada@team.test', status: 'ok'}])
    expect(r.stderr).toMatch(/invited 1, skipped 0, failed 0/)
    expect(posts('')).toBe(1)
    const inv = (await t.emu.request('GET', `/v1/organizations/${org.id}/invitations?email_address=ada@team.test`)).body
      .data[0]
    expect(inv).toMatchObject({
      role: 'org:admin',
      inviter_id: admin.id,
      public_metadata: {dept: 'eng'},
      status: 'pending',
    })
  })

  it('several: one bulk request; repeats, members and pending invitees skipped; a bad address fails alone (exit 5)', async () => {
    const r = await t.run([
      'orgs',
      'invite',
      org.id,
      '-e',
      'b@team.test',
      '-e',
      'c@team.test',
      '-e',
      'B@team.test',
      '-e',
      'boss@team.test',
      '-e',
      'ada@team.test',
      '-e',
      'not-an-email',
      '-e',
      'd@team.test',
      '-o',
      'json',
    ])
    expect(r.code, r.stderr).toBe(5)
    const rows = JSON.parse(r.stdout)
    const by = (email: string) => rows.find((x: {email: string}) => x.email === email)
    expect(by('b@team.test')).toMatchObject({status: 'ok'})
    expect(by('b@team.test').id).toMatch(/^orginv_/)
    expect(
      rows
        .filter((x: {status: string}) => x.status === 'skipped')
        .map((x: {message: string}) => x.message)
        .sort(),
    ).toEqual(['already a member', 'already invited (pending invitation)', 'duplicate'])
    expect(by('not-an-email')).toMatchObject({status: 'failed', code: 'invalid_row'})
    expect(r.stderr).toMatch(/invited 3, skipped 3, failed 1/)
    expect(posts('/bulk')).toBe(1)
  })

  it('a role the instance lacks: exit 2 before anything is sent (checked against GET /organization_roles)', async () => {
    const before = posts('/bulk')
    const r = await t.run([
      'orgs',
      'invite',
      'team',
      '-e',
      'x1@team.test',
      '-e',
      'x2@team.test',
      '--role',
      'org:nope',
      '-o',
      'json',
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/unknown role "org:nope"/)
    expect(posts('/bulk') - before).toBe(0)
  })

  it('all addresses invalid: exit 2, nothing sent; no input: exit 2', async () => {
    const before = t.emu.requests.length
    const r = await t.run(['orgs', 'invite', 'team', '-e', 'nope', '-e', 'also@nope'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/2 invalid addresses, nothing sent/)
    expect(t.emu.requests.slice(before).filter((x) => x.method === 'POST')).toHaveLength(0)
    expect((await t.run(['orgs', 'invite', 'team'])).code).toBe(2)
  })
})

describe('clerk orgs invitations', () => {
  it('list --status pending, revoke', async () => {
    const list = await t.run(['orgs', 'invitations', 'list', 'team', '--status', 'pending', '-o', 'json'])
    expect(list.code, list.stderr).toBe(0)
    const pending = JSON.parse(list.stdout)
    expect(pending.length).toBeGreaterThan(0)
    const [first, second] = pending
    const r = await t.run(['orgs', 'invitations', 'revoke', 'team', first.id, second.id, '-o', 'json', '--yes'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).map((x: {status: string}) => x.status)).toEqual(['revoked', 'revoked'])
    const revoked = JSON.parse(
      (await t.run(['orgs', 'invitations', 'list', 'team', '--status', 'revoked', '-o', 'json'])).stdout,
    )
    expect(revoked.map((x: {id: string}) => x.id).sort()).toEqual([first.id, second.id].sort())
    const again = await t.run(['orgs', 'invitations', 'revoke', 'team', first.id, '--yes'])
    expect(again.code).toBe(1)
    expect((await t.run(['orgs', 'invitations', 'list', 'team', '--status', 'bogus'])).code).toBe(2)
  })
})
