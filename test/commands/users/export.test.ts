import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {afterEach, describe, expect, it} from 'vitest'

import {emulatorEnv, runCli, startCli} from '../../helpers/cli.js'
import {startTestEmulator, type TestEmulator} from '../../helpers/emulator.js'

let emu: TestEmulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})
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
  it('exports 20,000 users to a file with a bounded heap (48 MB), oldest first, and checks the count', async () => {
    emu = await startTestEmulator({rateLimit: 'off', recordBodies: false})
    emu.store.seedUsers(20_000)
    const out = join(dir(), 'users.ndjson')
    // A heap capped well below what 20,000 users take as objects: only a streaming export fits in it.
    const r = await runCli(['users', 'export', '--out', out, '--rate-limit', '1000/1s', '--verbose'], {
      env: emulatorEnv(emu, {NODE_OPTIONS: '--max-old-space-size=48'}),
    })
    expect(r.code, r.stderr.slice(-1500)).toBe(0)
    expect(r.stdout).toBe('')
    const got = ids(readFileSync(out, 'utf8'))
    expect(got).toHaveLength(20_000)
    expect(new Set(got).size).toBe(20_000)
    expect(got).toEqual(oldestFirst(emu))
    expect(r.stderr).toMatch(/20000 users written to .*; the instance has 20000/)
    expect(r.stderr).toMatch(/peak RSS: \d+ MB/)
    // 40 pages of 500 and two counts, nothing more
    expect(emu.requests.filter((q) => q.path === '/v1/users')).toHaveLength(41)
    expect(emu.requests.filter((q) => q.path === '/v1/users/count')).toHaveLength(2)
  })

  it('streams CSV to stdout (header, RFC 4180 quoting, --columns)', async () => {
    emu = await startTestEmulator({rateLimit: 'off'})
    emu.store.seedUsers(700)
    const u = emu.store.users.values()[3]
    emu.store.users.set({...u, first_name: 'Doe, "Jane"\nSecond line', public_metadata: {a: 'b,c'}})
    const r = await runCli(['users', 'export', '-o', 'csv', '--columns', 'id,email,first_name,public_metadata'], {
      env: emulatorEnv(emu),
    })
    expect(r.code, r.stderr).toBe(0)
    const rows = parse(r.stdout, {columns: true}) as Array<Record<string, string>>
    expect(rows).toHaveLength(700)
    expect(Object.keys(rows[0])).toEqual(['id', 'email', 'first_name', 'public_metadata'])
    const row = rows.find((x) => x.id === u.id)!
    expect(row.first_name).toBe('Doe, "Jane"\nSecond line')
    expect(JSON.parse(row.public_metadata)).toEqual({a: 'b,c'})
    emu.assertResponsesMatchSpec()
  })

  it('killed with SIGKILL mid-way, --resume finishes the same file: every user once, in order', async () => {
    emu = await startTestEmulator({rateLimit: {limit: 20, windowMs: 1000}, recordBodies: false})
    emu.store.seedUsers(3000)
    const out = join(dir(), 'users.ndjson')
    const args = ['users', 'export', '--out', out, '--page-size', '50']
    const run = startCli([...args, '--rate-limit', '20/1s'], {env: emulatorEnv(emu)})
    // kill it at a random moment after a few pages were served (not after a fixed sleep: process start-up varies with load)
    const pages = 2 + Math.floor(Math.random() * 4)
    while (emu.requests.filter((q) => q.path === '/v1/users' && q.status === 200).length < pages) {
      await new Promise((r) => setTimeout(r, 20))
    }
    await new Promise((r) => setTimeout(r, Math.random() * 100))
    run.child.kill('SIGKILL')
    const killed = await run.done
    expect(killed.signal).toBe('SIGKILL')
    const partial = readFileSync(out, 'utf8')
    expect(partial.length).toBeGreaterThan(0)
    emu.setRateLimit('off')
    const again = await runCli(args, {env: emulatorEnv(emu)})
    expect(again.code).toBe(2) // a journal exists: --resume or start over, never silently
    const resumed = await runCli([...args, '--resume', '--rate-limit', '1000/1s'], {env: emulatorEnv(emu)})
    expect(resumed.code, resumed.stderr).toBe(0)
    expect(resumed.stderr).toMatch(/resuming after \d+ users/)
    const got = ids(readFileSync(out, 'utf8'))
    expect(got).toEqual(oldestFirst(emu))
  })

  it('warns and exits 1 when users are missing (created behind the cursor during the export)', async () => {
    emu = await startTestEmulator({rateLimit: {limit: 10, windowMs: 1000}, recordBodies: false})
    emu.store.seedUsers(1000)
    const out = join(dir(), 'users.ndjson')
    const run = startCli(['users', 'export', '--out', out, '--page-size', '50', '--rate-limit', '10/1s'], {
      env: emulatorEnv(emu),
    })
    // wait until the export has fetched its first page (not a fixed sleep: a loaded machine starts processes slowly)
    while (!emu.requests.some((q) => q.method === 'GET' && q.path === '/v1/users' && q.status === 200)) {
      await new Promise((r) => setTimeout(r, 20))
    }
    emu.setRateLimit('off')
    for (let i = 0; i < 3; i++) {
      const res = await emu.request('POST', '/v1/users', {
        email_address: [`old${i}@example.com`],
        created_at: '2001-01-01T00:00:00Z',
      })
      expect(res.status).toBe(200)
    }
    const r = await run.done
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/incomplete: 3 of 1003 users are missing/)
  })
})
