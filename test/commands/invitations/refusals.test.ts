/**
 * What the invite paths do with what Clerk really sends when it refuses a bulk request (the documented
 * bodies of src/emulator/errors/table.ts) and with deliberately unhelpful bodies (a 400 naming no item, a
 * 422 with an unknown code, a duplicate_record without meta): every row ends with a truthful outcome, every
 * new person is invited exactly once, and no row is `skipped` unless it needs no invitation.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import type {Harness} from '../../helpers/harness.js'
import {withEmulator} from '../../helpers/harness.js'

const dir = () => mkdtempSync(join(tmpdir(), 'invite-refusals-'))
const csv = (rows: string[]) => {
  const p = join(dir(), 'people.csv')
  writeFileSync(p, ['email', ...rows].join('\n') + '\n')
  return p
}
const readReport = (p: string) =>
  readFileSync(p, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as {key: string; status: string; message?: string | null})
const people = (n: number, from = 0) => Array.from({length: n}, (_, i) => `person${from + i}@corp.test`)

async function orgWithAdmin(t: Harness) {
  const boss = (await t.emu.request('POST', '/v1/users', {email_address: ['boss@corp.test']})).body
  const org = (await t.emu.request('POST', '/v1/organizations', {name: 'Corp', slug: 'corp', created_by: boss.id})).body
  return {boss, org}
}

const count = (values: string[]) => {
  const m = new Map<string, number>()
  for (const v of values) m.set(v.toLowerCase(), (m.get(v.toLowerCase()) ?? 0) + 1)
  return m
}

/** Bodies no documented refusal looks like: each names nobody, so the CLI must ask once per row. */
const UNHELPFUL: Array<[string, number, unknown]> = [
  ['a 400 naming no item', 400, {errors: [{code: 'bad_request', message: 'Bad request', long_message: 'Bad request'}]}],
  ['a 422 with an unknown code', 422, {errors: [{code: 'mystery_refusal', message: '?', long_message: 'no idea'}]}],
  [
    'a duplicate_record without meta',
    400,
    {errors: [{code: 'duplicate_record', message: '', long_message: 'There are already pending invitations'}]},
  ],
]

const COMMANDS = [
  {name: 'orgs invite', args: ['orgs', 'invite', 'corp'], bulk: '/invitations/bulk$', org: true},
  {name: 'invitations create', args: ['invitations', 'create'], bulk: '^/v1/invitations/bulk$', org: false},
]

describe('a refused bulk batch is never reported as skipped', () => {
  for (const cmd of COMMANDS)
    for (const [what, status, body] of UNHELPFUL)
      it(`${cmd.name}: ${what} -> one request per row, every row invited once`, () =>
        withEmulator({rateLimit: 'off'}, async (t) => {
          const {org} = await orgWithAdmin(t)
          await t.emu.request('POST', '/__emulator/faults', {
            method: 'POST',
            path: cmd.bulk,
            kind: 'status',
            status,
            body,
          })
          const rows = people(15)
          const report = join(dir(), 'report.ndjson')
          const since = t.mark()
          await t.ok([...cmd.args, '--file', csv(rows), '--yes', '--report', report])
          const out = readReport(report)
          expect(out.map((r) => r.status)).toEqual(rows.map(() => 'ok'))
          const invited = cmd.org
            ? t.emu.store
                .collection('organization_invitations')
                .values()
                .filter((i) => i.organization_id === org.id)
            : t.emu.store.collection('invitations').values()
          const n = count(invited.map((i) => String(i.email_address)))
          for (const e of rows) expect(n.get(e), e).toBe(1)
          // the refused batch of 10 went out again one by one; the second batch (5) in bulk
          const singles = since().filter((r) => r.method === 'POST' && !r.path.endsWith('/bulk'))
          expect(singles).toHaveLength(10)
        }))
})

describe('documented refusals', () => {
  it('invitations create: a duplicate_record naming two addresses skips those two and resends the rest in bulk', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const rows = people(10)
      // someone else invites two of them just before our bulk request reaches Clerk
      await t.emu.request('POST', '/__emulator/faults', {
        method: 'POST',
        path: '^/v1/invitations/bulk$',
        kind: 'latency',
        before: [rows[3], rows[7]].map((e) => ({method: 'POST', path: '/v1/invitations', body: {email_address: e}})),
      })
      const report = join(dir(), 'report.ndjson')
      const since = t.mark()
      await t.ok(['invitations', 'create', '--file', csv(rows), '--yes', '--report', report])
      const out = new Map(readReport(report).map((r) => [r.key, r]))
      for (const [i, e] of rows.entries()) {
        expect(out.get(e)?.status, e).toBe(i === 3 || i === 7 ? 'skipped' : 'ok')
      }
      expect(out.get(rows[3])?.message).toMatch(/already invited/)
      const n = count(
        t.emu.store
          .collection('invitations')
          .values()
          .map((i) => String(i.email_address)),
      )
      for (const e of rows) expect(n.get(e), e).toBe(1)
      const posts = since().filter((r) => r.method === 'POST' && r.path.startsWith('/v1/invitations'))
      expect(posts.map((r) => [r.path, r.status])).toEqual([
        ['/v1/invitations/bulk', 400],
        ['/v1/invitations/bulk', 200],
      ])
    }))

  it('orgs invite: over the membership cap (pending invitations count) each row gets its own answer', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const {org} = await orgWithAdmin(t)
      await t.emu.request('PATCH', `/v1/organizations/${org.id}`, {max_allowed_memberships: 4})
      await t.emu.request('POST', `/v1/organizations/${org.id}/invitations`, {
        email_address: 'earlier@corp.test',
        role: 'org:member',
      })
      // 1 member + 1 pending: room for 2 of these 5
      const rows = people(5)
      const report = join(dir(), 'report.ndjson')
      await t.fails(5, ['orgs', 'invite', 'corp', '--file', csv(rows), '--yes', '--report', report])
      const out = readReport(report)
      expect(out.map((r) => r.status)).toEqual(['ok', 'ok', 'failed', 'failed', 'failed'])
      expect(out[2].message).toMatch(/organization memberships, including outstanding invitations/)
    }))

  it('orgs invite --file, 200 rows: 5 members known only by secondary emails, 5 invited by someone else mid-run', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const {org} = await orgWithAdmin(t)
      const secondaries: string[] = []
      for (let i = 0; i < 5; i++) {
        const u = (
          await t.emu.request('POST', '/v1/users', {
            email_address: [`member${i}@primary.test`, `member${i}@corp.test`],
          })
        ).body
        await t.emu.request('POST', `/v1/organizations/${org.id}/memberships`, {user_id: u.id, role: 'org:member'})
        secondaries.push(`member${i}@corp.test`)
      }
      const others = people(195)
      // spread the members through the file; the mid-run invitees are far down it
      const rows = [...others.slice(0, 40), ...secondaries, ...others.slice(40)]
      const lateInvitees = others.slice(150, 155)
      await t.emu.request('POST', '/__emulator/faults', {
        method: 'POST',
        path: `^/v1/organizations/${org.id}/invitations/bulk$`,
        kind: 'latency',
        every: 3,
        times: 1,
        before: lateInvitees.map((e) => ({
          method: 'POST',
          path: `/v1/organizations/${org.id}/invitations`,
          body: {email_address: e, role: 'org:member'},
        })),
      })
      const report = join(dir(), 'report.ndjson')
      const r = await t.ok(['orgs', 'invite', 'corp', '--file', csv(rows), '--yes', '--report', report])
      const out = new Map(readReport(report).map((x) => [x.key, x]))
      expect(out.size).toBe(200)
      for (const e of secondaries) expect(out.get(e), e).toMatchObject({status: 'skipped', message: 'already a member'})
      for (const e of lateInvitees)
        expect(out.get(e), e).toMatchObject({status: 'skipped', message: 'already invited (pending invitation)'})
      const fresh = others.filter((e) => !lateInvitees.includes(e))
      for (const e of fresh) expect(out.get(e)?.status, e).toBe('ok')
      const n = count(
        t.emu.store
          .collection('organization_invitations')
          .values()
          .filter((i) => i.organization_id === org.id && i.status === 'pending')
          .map((i) => String(i.email_address)),
      )
      for (const e of [...fresh, ...lateInvitees]) expect(n.get(e), e).toBe(1)
      for (const e of secondaries) expect(n.get(e), e).toBeUndefined()
      expect(r.stderr).toMatch(/190/)
    }))
})

describe('users export', () => {
  it('the cursor user deleted mid-export: continues after its creation time, every remaining user once', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.seedUsers(30)
      const byAge = t.emu.store.users.values().sort((a, b) => a.created_at - b.created_at)
      const cursor = byAge[9].id
      // the second page request (starting_after = the 10th user) finds that user deleted
      await t.emu.request('POST', '/__emulator/faults', {
        method: 'GET',
        path: '^/v1/users$',
        kind: 'latency',
        every: 2,
        times: 1,
        before: [{method: 'DELETE', path: `/v1/users/${cursor}`}],
      })
      const out = join(dir(), 'users.ndjson')
      const r = await t.ok(['users', 'export', '--page-size', '10', '--out', out, '--progress', 'none'])
      expect(r.stderr).toMatch(/is gone; continuing after its creation time/)
      const ids = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id as string)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toEqual(byAge.map((u) => u.id))
    }))
})
