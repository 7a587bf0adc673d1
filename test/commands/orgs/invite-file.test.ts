import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {type Harness, withEmulator} from '../../helpers/harness.js'

const dir = () => mkdtempSync(join(tmpdir(), 'orgs-invite-'))
const readReport = (p: string) =>
  readFileSync(p, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
const people = (n: number, from = 0) => Array.from({length: n}, (_, i) => `person${from + i}@corp.test`)

/** The emulator given an org whose admin is boss@corp.test and one more member, plus the org's bulk POST counter. */
async function setup(t: Harness) {
  const e = t.emu
  const boss = (
    await e.request('POST', '/v1/users', {email_address: ['boss@corp.test'], skip_password_requirement: true})
  ).body
  const member = (
    await e.request('POST', '/v1/users', {email_address: ['member@corp.test'], skip_password_requirement: true})
  ).body
  const org = (await e.request('POST', '/v1/organizations', {name: 'Corp', slug: 'corp', created_by: boss.id})).body
  await e.request('POST', `/v1/organizations/${org.id}/memberships`, {user_id: member.id, role: 'org:member'})
  const bulk = (status?: number) =>
    e.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path === `/v1/organizations/${org.id}/invitations/bulk` &&
        (status === undefined || r.status === status),
    ).length
  const invitations = () => e.store.collection('organization_invitations').values()
  return {e, org, boss, bulk, invitations}
}

function csv(path: string, rows: string[][]): string {
  writeFileSync(path, rows.map((r) => r.join(',')).join('\n') + '\n')
  return path
}

describe('clerk orgs invite --file', () => {
  it('one person from a file: one request to the bulk endpoint', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const {org, bulk, invitations} = await setup(t)
      const file = csv(join(dir(), 'one.csv'), [['email'], ['ada@corp.test']])
      const r = await t.run(['orgs', 'invite', 'corp', '--file', file, '--yes'])
      expect(r.code, r.stderr).toBe(0)
      expect(bulk(200)).toBe(1)
      expect(invitations()).toHaveLength(1)
      expect(invitations()[0]).toMatchObject({
        email_address: 'ada@corp.test',
        role: 'org:member',
        organization_id: org.id,
      })
      expect(r.stderr).toMatch(/requests:\s+1 \(batches of 10\)/)
      expect(r.stderr).toMatch(/orgs invite: 1 row · 1 ok · 0 skipped · 0 failed/)
    }))

  it("1,000 people: the plan says 100 requests and 1h at Clerk's 50/hour; the run sends ceil(n/10) bulk requests", () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const {bulk, invitations} = await setup(t)
      const d = dir()
      const file = csv(join(d, 'staff.csv'), [
        ['email', 'role'],
        ...people(1000).map((p, i) => [p, i % 100 === 0 ? 'org:admin' : '']),
      ])
      const plan = await t.run(['orgs', 'invite', 'corp', '--file', file, '--dry-run'])
      expect(plan.code, plan.stderr).toBe(0)
      expect(plan.stderr).toMatch(/rows:\s+1000 \(1000 valid\)/)
      expect(plan.stderr).toMatch(/requests:\s+100 \(batches of 10\)/)
      expect(plan.stderr).toMatch(/invitations\/bulk 50\/1h/)
      expect(plan.stderr).toMatch(/time:\s+about 1h at that budget/)
      expect(bulk()).toBe(0)

      const report = join(d, 'report.ndjson')
      const r = await t.run(
        [
          'orgs',
          'invite',
          'corp',
          '--file',
          file,
          '--yes',
          '--report',
          report,
          '--invite-limit',
          '1000/1h',
          '--rate-limit',
          '1000/10s',
          '--progress',
          'none',
          '--verbose',
        ],
        {timeoutMs: 120_000},
      )
      expect(r.code, r.stderr.slice(-1500)).toBe(0)
      expect(bulk(200)).toBe(100)
      expect(bulk()).toBe(100)
      expect(invitations()).toHaveLength(1000)
      expect(new Set(invitations().map((i) => i.email_address)).size).toBe(1000)
      expect(invitations().filter((i) => i.role === 'org:admin')).toHaveLength(10)
      const lines = readReport(report)
      expect(lines).toHaveLength(1000)
      expect(lines.every((l) => l.status === 'ok' && /^orginv_/.test(l.id))).toBe(true)
    }))

  it('repeats, members and pending invitees are skipped and reported; a bad row fails alone (exit 5)', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const {e, org, bulk, invitations} = await setup(t)
      await e.request('POST', `/v1/organizations/${org.id}/invitations`, {
        email_address: 'pending@corp.test',
        role: 'org:member',
      })
      const d = dir()
      const file = join(d, 'people.jsonl')
      writeFileSync(
        file,
        [
          {email: 'a@corp.test'},
          {email: 'A@Corp.test'},
          {email: 'member@corp.test'},
          {email: 'boss@corp.test'},
          {email: 'pending@corp.test'},
          {email: 'not an email'},
          {email: 'b@corp.test', role: 'org:nope'},
          {email: 'c@corp.test', role: 'org:admin', public_metadata: {team: 'x'}},
          {email: 'd@corp.test'},
        ]
          .map((x) => JSON.stringify(x))
          .join('\n') + '\n',
      )
      const report = join(d, 'report.ndjson')
      const r = await t.run(['orgs', 'invite', 'corp', '--file', file, '--yes', '--report', report])
      expect(r.code, r.stderr).toBe(5)
      expect(r.stderr).toMatch(/row 6: "not an email" is not a valid email address/)
      const by = Object.fromEntries(readReport(report).map((l) => [l.row, l]))
      expect(by[1]).toMatchObject({status: 'ok', key: 'a@corp.test'})
      expect(by[2]).toMatchObject({status: 'skipped', message: expect.stringMatching(/duplicate of row 1/)})
      expect(by[3]).toMatchObject({status: 'skipped', message: 'already a member'})
      expect(by[4]).toMatchObject({status: 'skipped', message: 'already a member'})
      expect(by[5]).toMatchObject({status: 'skipped', message: 'already invited (pending invitation)'})
      expect(by[6]).toMatchObject({status: 'failed', code: 'invalid_row'})
      // the role the instance lacks: Clerk's 404 (OrganizationRoleNotFound) names no item, so every row of the
      // batch is sent alone; that row fails, the other three are invited
      expect(by[7]).toMatchObject({status: 'failed', code: 'resource_not_found'})
      expect(by[8]).toMatchObject({status: 'ok'})
      expect(by[9]).toMatchObject({status: 'ok'})
      expect(bulk(404)).toBe(1)
      expect(bulk(200)).toBe(0)
      expect(
        invitations()
          .map((i) => i.email_address)
          .sort(),
      ).toEqual(['a@corp.test', 'c@corp.test', 'd@corp.test', 'pending@corp.test'])
      expect(invitations().find((i) => i.email_address === 'c@corp.test')).toMatchObject({
        role: 'org:admin',
        public_metadata: {team: 'x'},
      })
      expect(r.stderr).toMatch(/9 rows · 3 ok · 4 skipped · 2 failed/)
    }))

  it('the hourly limit answers 429: the run waits (countdown on stderr) and completes', () =>
    withEmulator({ruleRates: {org_invitations_bulk: {limit: 2, windowMs: 10_000}}}, async (t) => {
      // the bulk endpoint allows 2 requests per 10 s here (Clerk: 50 per hour); the CLI assumes Clerk's budget, so it meets the 429
      const {e, bulk, invitations} = await setup(t)
      const file = csv(join(dir(), 'people.csv'), [['email'], ...people(25).map((p) => [p])])
      const r = await t.run(
        ['orgs', 'invite', 'corp', '--file', file, '--yes', '--progress', 'none', '--concurrency', '1'],
        {timeoutMs: 60_000},
      )
      expect(r.code, r.stderr).toBe(0)
      expect(bulk(429)).toBeGreaterThanOrEqual(1)
      expect(bulk(200)).toBe(3)
      expect(invitations()).toHaveLength(25)
      expect(r.stderr).toMatch(/rate limited \(HTTP 429\)/)
      expect(r.stderr).toMatch(/waiting for rate limited \(HTTP 429\): \d+s left/)
      expect(e.requests.filter((x) => x.status === 422)).toHaveLength(0)
    }))

  it('paces itself at the budget it is given, with a countdown while it waits', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const {bulk, invitations} = await setup(t)
      const file = csv(join(dir(), 'people.csv'), [['email'], ...people(30).map((p) => [p])])
      const r = await t.run(
        ['orgs', 'invite', 'corp', '--file', file, '--yes', '--progress', 'none', '--invite-limit', '2/10s'],
        {timeoutMs: 60_000},
      )
      expect(r.code, r.stderr).toBe(0)
      expect(bulk(200)).toBe(3)
      expect(bulk(429)).toBe(0)
      expect(invitations()).toHaveLength(30)
      expect(r.stderr).toMatch(/time:\s+about 5s at that budget/)
      expect(r.stderr).toMatch(/waiting for the organization invitation limit \(2\/10s\): \d+s left/)
    }))

  it('killed mid-run (SIGKILL, answers lost) and resumed: everyone invited once, nothing sent twice', () =>
    withEmulator({rateLimit: 'off', latencyMs: 150}, async (t) => {
      const {e, bulk, invitations} = await setup(t)
      const d = dir()
      const file = csv(join(d, 'people.csv'), [['email'], ...people(200).map((p) => [p])])
      const args = [
        'orgs',
        'invite',
        'corp',
        '--file',
        file,
        '--yes',
        '--progress',
        'none',
        '--concurrency',
        '2',
        '--invite-limit',
        '1000/1h',
      ]
      const run = t.start(args)
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (bulk() >= 5) {
            clearInterval(timer)
            resolve()
          }
        }, 20)
      })
      run.child.kill('SIGKILL')
      const first = await run.done
      expect(first.signal).toBe('SIGKILL')
      const sentBefore = invitations().length
      expect(sentBefore).toBeGreaterThan(0)
      expect(sentBefore).toBeLessThan(200)

      const again = await t.run(args)
      expect(again.code).toBe(2) // the journal exists: --resume is needed
      expect(again.stderr).toMatch(/--resume/)
      const report = join(d, 'report.ndjson')
      const resumed = await t.run([...args, '--resume', '--report', report], {timeoutMs: 60_000})
      expect(resumed.code, resumed.stderr).toBe(0)
      expect(invitations()).toHaveLength(200)
      expect(new Set(invitations().map((i) => i.email_address)).size).toBe(200)
      // nothing that had been sent went out again: no duplicate_record 422s, and no more bulk requests than batches
      expect(e.requests.filter((x) => x.status === 422)).toHaveLength(0)
      expect(bulk(200)).toBeLessThanOrEqual(20)
      const lines = readReport(report)
      expect(lines).toHaveLength(200)
      expect(
        lines.every((l) => l.status === 'ok' || (l.status === 'skipped' && /already invited/.test(l.message))),
      ).toBe(true)
    }))
})
