import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'

import type {TestEmulator} from '../../helpers/emulator.js'
import {withEmulator} from '../../helpers/harness.js'

const dir = () => mkdtempSync(join(tmpdir(), 'users-export-'))
const ids = (ndjson: string) =>
  ndjson
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).id as string)
const oldestFirst = (e: TestEmulator) =>
  e.store.users
    .values()
    .sort((a, b) => a.created_at - b.created_at)
    .map((u) => u.id)

describe('clerk users export', () => {
  it('exports 20,000 users to a file with a bounded heap (48 MB), oldest first, and checks the count', () =>
    withEmulator({rateLimit: 'off', recordBodies: false}, async (t) => {
      t.emu.store.seedUsers(20_000)
      const out = join(dir(), 'users.ndjson')
      // A heap capped well below what 20,000 users take as objects: only a streaming export fits in it.
      const r = await t.run(['users', 'export', '--out', out, '--rate-limit', '1000/1s', '--verbose'], {
        env: {NODE_OPTIONS: '--max-old-space-size=48'},
      })
      expect(r.code, r.stderr.slice(-1500)).toBe(0)
      expect(r.stdout).toBe('')
      const got = ids(readFileSync(out, 'utf8'))
      expect(got).toHaveLength(20_000)
      expect(new Set(got).size).toBe(20_000)
      expect(got).toEqual(oldestFirst(t.emu))
      expect(r.stderr).toMatch(/20000 users written to .*; the instance has 20000/)
      expect(r.stderr).toMatch(/peak RSS: \d+ MB/)
      // 40 pages of 500 and two counts, nothing more
      expect(t.emu.requests.filter((q) => q.path === '/v1/users')).toHaveLength(41)
      expect(t.emu.requests.filter((q) => q.path === '/v1/users/count')).toHaveLength(2)
    }))

  it('streams CSV to stdout (header, RFC 4180 quoting, --columns)', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.emu.store.seedUsers(700)
      const u = t.emu.store.users.values()[3]
      t.emu.store.users.set({...u, first_name: 'Doe, "Jane"\nSecond line', public_metadata: {a: 'b,c'}})
      const r = await t.run(['users', 'export', '-o', 'csv', '--columns', 'id,email,first_name,public_metadata'])
      expect(r.code, r.stderr).toBe(0)
      const rows = parse(r.stdout, {columns: true}) as Array<Record<string, string>>
      expect(rows).toHaveLength(700)
      expect(Object.keys(rows[0])).toEqual(['id', 'email', 'first_name', 'public_metadata'])
      const row = rows.find((x) => x.id === u.id)!
      expect(row.first_name).toBe('Doe, "Jane"\nSecond line')
      expect(JSON.parse(row.public_metadata)).toEqual({a: 'b,c'})
    }))

  it('killed with SIGKILL mid-way, --resume finishes the same file: every user once, in order', () =>
    withEmulator({rateLimit: {limit: 20, windowMs: 1000}, recordBodies: false}, async (t) => {
      t.emu.store.seedUsers(3000)
      const out = join(dir(), 'users.ndjson')
      const args = ['users', 'export', '--out', out, '--page-size', '50']
      const run = t.start([...args, '--rate-limit', '20/1s'])
      // kill it at a random moment after a few pages were served (not after a fixed sleep: start-up varies with load)
      const pages = 2 + Math.floor(Math.random() * 4)
      while (t.emu.requests.filter((q) => q.path === '/v1/users' && q.status === 200).length < pages) {
        await new Promise((r) => setTimeout(r, 20))
      }
      await new Promise((r) => setTimeout(r, Math.random() * 100))
      run.child.kill('SIGKILL')
      const killed = await run.done
      expect(killed.signal).toBe('SIGKILL')
      const partial = readFileSync(out, 'utf8')
      expect(partial.length).toBeGreaterThan(0)
      t.emu.setRateLimit('off')
      const again = await t.run(args)
      expect(again.code).toBe(2) // a journal exists: --resume or start over, never silently
      const resumed = await t.run([...args, '--resume', '--rate-limit', '1000/1s'])
      expect(resumed.code, resumed.stderr).toBe(0)
      expect(resumed.stderr).toMatch(/resuming after \d+ users/)
      const got = ids(readFileSync(out, 'utf8'))
      expect(got).toEqual(oldestFirst(t.emu))
    }))

  it('warns and exits 1 when users are missing (created behind the cursor during the export)', () =>
    withEmulator({rateLimit: {limit: 10, windowMs: 1000}, recordBodies: false}, async (t) => {
      t.emu.store.seedUsers(1000)
      const out = join(dir(), 'users.ndjson')
      const run = t.start(['users', 'export', '--out', out, '--page-size', '50', '--rate-limit', '10/1s'])
      // wait until the export has fetched its first page (not a fixed sleep: a loaded machine starts processes slowly)
      while (!t.emu.requests.some((q) => q.method === 'GET' && q.path === '/v1/users' && q.status === 200)) {
        await new Promise((r) => setTimeout(r, 20))
      }
      t.emu.setRateLimit('off')
      for (let i = 0; i < 3; i++) {
        const res = await t.emu.request('POST', '/v1/users', {
          email_address: [`old${i}@example.com`],
          created_at: '2001-01-01T00:00:00Z',
        })
        expect(res.status).toBe(200)
      }
      const r = await run.done
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/incomplete: 3 of 1003 users are missing/)
    }))
})
