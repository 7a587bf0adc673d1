import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {runCli, verboseStats} from '../../helpers/cli.js'
import type {TestEmulator} from '../../helpers/emulator.js'
import {withEmulator} from '../../helpers/harness.js'
import {awkwardCsv} from './import-fixture.js'

const MAP = ['--map', 'external_id=External Id', '--map', 'email=Email Address']
const dir = () => mkdtempSync(join(tmpdir(), 'users-import-'))
const readReport = (p: string) =>
  readFileSync(p, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))

/** POST /v1/users answered 422 form_identifier_exists: a row sent again after it had taken effect. */
const conflicts = (e: TestEmulator) =>
  e.requests.filter((r) => r.method === 'POST' && r.path === '/v1/users' && r.status === 422).length

/** Every row is in the report exactly once; every ok row's user exists with the row's data; no user twice. */
function checkOutcome(e: TestEmulator, report: string, n: number) {
  const lines = readReport(report)
  const rows = new Set(lines.map((l) => l.row))
  expect(rows.size).toBe(n)
  expect(lines).toHaveLength(n)
  const ok = lines.filter((l) => l.status === 'ok')
  for (const l of lines) expect(['ok', 'failed']).toContain(l.status)
  expect(e.store.users.size).toBe(ok.length)
  for (const l of ok) {
    const u = e.store.users.get(l.id)!
    expect(u, `row ${l.row}`).toBeDefined()
    expect(u.external_id).toBe(l.key)
  }
  expect(conflicts(e)).toBe(0)
  return {ok: ok.length, failed: lines.length - ok.length}
}

describe('clerk users import', () => {
  it(
    'imports 5,000 users from an awkward CSV through 5xx, resets, lost answers and 429s: every row ok or failed, none twice',
    {timeout: 180_000},
    () =>
      withEmulator({rateLimit: {limit: 500, windowMs: 1000}}, async (t) => {
        const d = dir()
        const csv = join(d, 'users.csv')
        awkwardCsv(csv, 5000)
        const users = '^/v1/users$'
        t.emu.injectFault({method: 'POST', path: users, kind: 'status', status: 503, probability: 0.02})
        t.emu.injectFault({method: 'POST', path: users, kind: 'reset', probability: 0.01})
        t.emu.injectFault({method: 'POST', path: users, kind: 'status', status: 502, probability: 0.01, after: true})
        t.emu.injectFault({method: 'POST', path: users, kind: 'reset', probability: 0.01, after: true})
        t.emu.injectFault({method: 'POST', path: users, kind: 'status', status: 429, retryAfter: 1, every: 900})
        const report = join(d, 'report.ndjson')
        const r = await t.run(
          [
            'users',
            'import',
            csv,
            ...MAP,
            '--yes',
            '--report',
            report,
            '--rate-limit',
            '500/1s',
            '--verbose',
            '--timeout',
            '10s',
          ],
          {
            timeoutMs: 120_000,
          },
        )
        expect([0, 5], r.stderr.slice(-2000)).toContain(r.code)
        const {ok} = checkOutcome(t.emu, report, 5000)
        expect(ok).toBeGreaterThan(4990)
        // the awkward fields arrived intact
        const u = t.emu.store.users.values().find((x) => x.external_id === 'ext-3')!
        expect(u.first_name).toBe('Zoë "Z", 3')
        expect(u.last_name).toBe("O'Brien, 3")
        expect(u.public_metadata).toEqual({plan: 'pro', tags: ['a,b', '"q3"'], n: 3})
        expect(t.emu.store.users.values().find((x) => x.external_id === 'ext-2')!.first_name).toBe('Line\r\nBreak 2')
        expect(r.stderr).toMatch(/users import: 5000 rows · \d+ ok/)
        expect(verboseStats(r.stderr)!.requests).toBeGreaterThanOrEqual(5000)
      }),
  )

  it('a row whose last attempt took effect but lost its answer is looked up, not reported failed', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const d = dir()
      const csv = join(d, 'users.csv')
      awkwardCsv(csv, 1)
      const users = '^/v1/users$'
      // attempts 1 and 2 are refused before anything happens; attempt 3 (the last) creates the user, then the answer is lost
      t.emu.injectFault({method: 'POST', path: users, kind: 'status', status: 503})
      t.emu.injectFault({method: 'POST', path: users, kind: 'status', status: 503})
      t.emu.injectFault({method: 'POST', path: users, kind: 'status', status: 502, after: true})
      const report = join(d, 'report.ndjson')
      const r = await t.run(['users', 'import', csv, ...MAP, '--yes', '--report', report])
      expect(r.code, r.stderr).toBe(0)
      expect(t.emu.requests.filter((q) => q.method === 'POST' && q.path === '/v1/users')).toHaveLength(3)
      expect(checkOutcome(t.emu, report, 1)).toEqual({ok: 1, failed: 0})
    }))

  it('killed with SIGKILL at random moments and resumed until done: same outcome, nobody created twice', () =>
    withEmulator({rateLimit: {limit: 400, windowMs: 1000}}, async (t) => {
      const d = dir()
      const csv = join(d, 'users.csv')
      awkwardCsv(csv, 2000)
      t.emu.injectFault({
        method: 'POST',
        path: '^/v1/users$',
        kind: 'status',
        status: 502,
        probability: 0.01,
        after: true,
      })
      const report = join(d, 'report.ndjson')
      const args = ['users', 'import', csv, ...MAP, '--yes', '--resume', '--report', report, '--rate-limit', '400/1s']
      let kills = 0
      let last
      for (let i = 0; i < 30; i++) {
        const run = t.start(args, {timeoutMs: 60_000})
        const killAfter = kills < 5 ? 600 + Math.random() * 1500 : undefined
        const timer = killAfter ? setTimeout(() => run.child.kill('SIGKILL'), killAfter) : undefined
        last = await run.done
        clearTimeout(timer)
        if (last.signal === 'SIGKILL') {
          kills++
          continue
        }
        expect([0, 5], last.stderr).toContain(last.code)
        break
      }
      expect(kills).toBeGreaterThanOrEqual(3)
      expect(last!.signal).toBeNull()
      checkOutcome(t.emu, report, 2000)
      expect(existsSync(`${csv}.journal`)).toBe(true)
    }))

  it('SIGINT stops taking rows, finishes those in flight, saves the journal and exits 130; --resume finishes', () =>
    withEmulator({rateLimit: {limit: 200, windowMs: 1000}}, async (t) => {
      const d = dir()
      const csv = join(d, 'users.csv')
      awkwardCsv(csv, 600)
      const args = ['users', 'import', csv, ...MAP, '--yes', '--rate-limit', '200/1s', '--report', join(d, 'r.ndjson')]
      const run = t.start(args)
      // interrupt it once it is under way (not after a fixed sleep: start-up time varies with load)
      while (t.emu.store.users.size < 20) await new Promise((r) => setTimeout(r, 20))
      run.child.kill('SIGINT')
      const r = await run.done
      expect(r.code, r.stderr).toBe(130)
      expect(r.stderr).toMatch(/--resume/)
      const created = t.emu.store.users.size
      expect(created).toBeGreaterThan(0)
      expect(created).toBeLessThan(600)
      const journal = readFileSync(`${csv}.journal`, 'utf8')
      expect(journal.match(/"t":"done"/g)!.length).toBe(created)
      const again = await t.run(args)
      expect(again.code, again.stderr).toBe(2) // journal exists: refuses without --resume
      const resumed = await t.run([...args, '--resume'])
      expect(resumed.code, resumed.stderr).toBe(0)
      checkOutcome(t.emu, join(d, 'r.ndjson'), 600)
    }))

  it('--dry-run validates and plans but sends nothing; --validate-only reports bad rows with exit 2', () =>
    withEmulator({}, async (t) => {
      const d = dir()
      const csv = join(d, 'users.csv')
      awkwardCsv(csv, 50, {invalidEvery: 10})
      const dry = await t.run(['users', 'import', csv, ...MAP, '--dry-run', '--skip-invalid'])
      expect(dry.code, dry.stderr).toBe(0)
      expect(dry.stderr).toMatch(/rows: +50 \(45 valid, 5 invalid\)/)
      expect(dry.stderr).toMatch(/development instance/)
      expect(dry.stderr).toMatch(/requests: +45/)
      expect(dry.stderr).toMatch(/time: +about \d+s/)
      expect(dry.stderr).toMatch(/Dry run/)
      expect(t.emu.requests.filter((r) => r.method !== 'GET')).toHaveLength(0)
      expect(existsSync(`${csv}.journal`)).toBe(false)
      const report = join(d, 'invalid.ndjson')
      const v = await runCli(['users', 'import', csv, ...MAP, '--validate-only', '--report', report], {env: {}})
      expect(v.code, v.stderr).toBe(2)
      expect(v.stderr).toMatch(/row 10: email "broken10.example.com" is not a valid email address/)
      expect(readReport(report)).toHaveLength(5)
      const refused = await t.run(['users', 'import', csv, ...MAP, '--yes'])
      expect(refused.code).toBe(2)
      expect(refused.stderr).toMatch(/5 of 50 rows are invalid; nothing was sent/)
      expect(t.emu.requests).toHaveLength(0)
    }))

  it('--on-conflict skip|update|fail is idempotent on re-runs (keyed by external_id, else email); digests pass through', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const d = dir()
      const file = join(d, 'users.jsonl')
      const rows = [
        {
          external_id: 'a',
          email: 'a@x.io',
          first_name: 'A',
          password_digest: '$2a$10$abcdefghijklmnopqrstuv',
          password_hasher: 'bcrypt',
        },
        {email: 'b@x.io', first_name: 'B', public_metadata: {tier: 1}},
      ]
      writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'))
      const first = await t.run(['users', 'import', file, '--yes', '--journal', join(d, 'j1')])
      expect(first.code, first.stderr).toBe(0)
      expect(t.emu.store.users.size).toBe(2)
      expect(t.emu.store.users.values().find((u) => u.external_id === 'a')!.password_enabled).toBe(true)
      const skip = await t.run([
        'users',
        'import',
        file,
        '--yes',
        '--journal',
        join(d, 'j2'),
        '--report',
        join(d, 'r2'),
      ])
      expect(skip.code, skip.stderr).toBe(0)
      expect(readReport(join(d, 'r2')).map((l) => l.status)).toEqual(['skipped', 'skipped'])
      writeFileSync(
        file,
        JSON.stringify({...rows[0], first_name: 'A2'}) +
          '\n' +
          JSON.stringify({...rows[1], public_metadata: {extra: true}}),
      )
      const upd = await t.run(['users', 'import', file, '--yes', '--journal', join(d, 'j3'), '--on-conflict', 'update'])
      expect(upd.code, upd.stderr).toBe(0)
      expect(
        t.emu.store.users
          .values()
          .map((u) => u.first_name)
          .sort(),
      ).toEqual(['A2', 'B'])
      expect(t.emu.store.users.values().find((u) => u.first_name === 'B')!.public_metadata).toEqual({
        tier: 1,
        extra: true,
      })
      const fail = await t.run([
        'users',
        'import',
        file,
        '--yes',
        '--journal',
        join(d, 'j4'),
        '--on-conflict',
        'fail',
        '--report',
        join(d, 'r4'),
      ])
      expect(fail.code).toBe(5)
      expect(readReport(join(d, 'r4'))[0]).toMatchObject({status: 'failed', code: 'form_identifier_exists'})
      expect(t.emu.store.users.size).toBe(2)
    }))

  it('reads stdin (export output round-trips) and refuses to run without --yes when not at a terminal', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const exported = await withEmulator({rateLimit: 'off'}, async (src) => {
        src.seedUsers(20)
        return src.run(['users', 'list', '--all', '-o', 'ndjson'])
      })
      const d = dir()
      const noYes = await t.run(['users', 'import', '-'], {input: exported.stdout, cwd: d})
      expect(noYes.code).toBe(2)
      expect(noYes.stderr).toMatch(/--yes/)
      const r = await t.run(['users', 'import', '-', '--yes'], {input: exported.stdout, cwd: d})
      expect(r.code, r.stderr).toBe(0)
      expect(t.emu.store.users.size).toBe(20)
    }))
})
