import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import type {TestEmulator} from '../../helpers/emulator.js'
import {withEmulator} from '../../helpers/harness.js'
const dir = () => mkdtempSync(join(tmpdir(), 'users-bulk-'))
const report = (p: string) =>
  readFileSync(p, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
const mutating = (e: TestEmulator) => e.requests.filter((r) => r.method !== 'GET')

describe('users bulk mutations', () => {
  it('ban --file uses POST /v1/users/ban in batches of 50; a rejected batch falls back to one request per user', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const users = t.emu.store.seedUsers(120)
      const d = dir()
      const ids = join(d, 'ids.txt')
      writeFileSync(ids, `# users to ban\n${users.map((u) => u.id).join('\n')}\nuser_doesnotexist\n${users[0].id}\n`)
      const r = await t.run(['users', 'ban', '--file', ids, '--yes', '--report', join(d, 'r.ndjson')])
      expect(r.code, r.stderr).toBe(5)
      expect(t.emu.store.users.values().filter((u) => u.banned)).toHaveLength(120)
      const lines = report(join(d, 'r.ndjson'))
      expect(lines).toHaveLength(122)
      expect(lines.filter((l) => l.status === 'ok')).toHaveLength(120)
      expect(lines.find((l) => l.key === 'user_doesnotexist')).toMatchObject({
        status: 'failed',
        code: 'resource_not_found',
      })
      expect(lines.find((l) => l.row === 122)).toMatchObject({
        status: 'skipped',
        message: expect.stringMatching(/duplicate of row 1/),
      })
      const bulk = t.emu.requests.filter((q) => q.path === '/v1/users/ban')
      expect(bulk).toHaveLength(3) // 50 + 50 + 21 (the last one rejected: it holds the unknown id)
      const singles = t.emu.requests.filter((q) => /^\/v1\/users\/[^/]+\/ban$/.test(q.path))
      expect(singles).toHaveLength(21)
      // unban from a CSV with an id column: all ok, exit 0
      const csv = join(d, 'unban.csv')
      writeFileSync(
        csv,
        `id,email\n${users
          .slice(0, 60)
          .map((u) => `${u.id},"a, b"`)
          .join('\n')}\n`,
      )
      const u = await t.run(['users', 'unban', '--file', csv, '--yes'])
      expect(u.code, u.stderr).toBe(0)
      expect(t.emu.store.users.values().filter((x) => x.banned)).toHaveLength(60)
    }))

  it('delete --where --email-domain/--created-before: collects the ids, plans, --dry-run sends nothing, then deletes exactly those', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const users = t.emu.store.seedUsers(60)
      for (const [i, u] of users.slice(0, 10).entries()) {
        t.emu.store.users.set({...u, email_addresses: [{...u.email_addresses[0], email_address: `x${i}@corp.test`}]})
      }
      const cutoff = users[5].created_at // users 0..4 are older
      const d = dir()
      const args = [
        'users',
        'delete',
        '--where',
        '--email-domain',
        'corp.test',
        '--created-before',
        String(cutoff),
        '--journal',
        join(d, 'del.journal'),
      ]
      const dry = await t.run([...args, '--dry-run'])
      expect(dry.code, dry.stderr).toBe(0)
      expect(dry.stderr).toMatch(/5 users match the filter/)
      expect(dry.stderr).toMatch(/rows: +5/)
      expect(mutating(t.emu)).toHaveLength(0)
      const noYes = await t.run(args)
      expect(noYes.code).toBe(2)
      const r = await t.run([...args, '--yes'])
      expect(r.code, r.stderr).toBe(0)
      expect(t.emu.store.users.size).toBe(55)
      for (const u of users.slice(0, 5)) expect(t.emu.store.users.has(u.id)).toBe(false)
      expect(mutating(t.emu).every((q) => q.method === 'DELETE')).toBe(true)
      const none = await t.run(['users', 'delete', '--where', '--yes'])
      expect(none.code).toBe(2)
      expect(none.stderr).toMatch(/at least one filter/)
    }))

  it('delete --file: a user already gone is skipped (idempotent), lock/unlock --file set the lock', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const users = t.emu.store.seedUsers(10)
      const d = dir()
      const ids = join(d, 'ids.txt')
      writeFileSync(ids, users.map((u) => u.id).join('\n'))
      const lock = await t.run(['users', 'lock', '--file', ids, '--yes'])
      expect(lock.code, lock.stderr).toBe(0)
      expect(t.emu.store.users.values().every((u) => u.locked)).toBe(true)
      const unlock = await t.run(['users', 'unlock', '--file', ids, '--yes', '--journal', join(d, 'j2')])
      expect(unlock.code, unlock.stderr).toBe(0)
      expect(t.emu.store.users.values().some((u) => u.locked)).toBe(false)
      t.emu.store.users.delete(users[3].id)
      const del = await t.run([
        'users',
        'delete',
        '--file',
        ids,
        '--yes',
        '--journal',
        join(d, 'j3'),
        '--report',
        join(d, 'r'),
      ])
      expect(del.code, del.stderr).toBe(0)
      expect(t.emu.store.users.size).toBe(0)
      expect(report(join(d, 'r')).find((l) => l.key === users[3].id)).toMatchObject({status: 'skipped'})
    }))

  it('metadata --file merges a patch per row (null removes a key); bad JSON is caught before any request', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const users = t.emu.store.seedUsers(4)
      const d = dir()
      const file = join(d, 'meta.jsonl')
      writeFileSync(
        file,
        users
          .map((u, i) =>
            JSON.stringify({id: u.id, public_metadata: {plan: null, seats: i}, private_metadata: {crm: `c${i}`}}),
          )
          .join('\n'),
      )
      const r = await t.run(['users', 'metadata', '--file', file, '--yes'])
      expect(r.code, r.stderr).toBe(0)
      const u2 = t.emu.store.users.get(users[2].id)!
      expect(u2.public_metadata).toEqual({seats: 2})
      expect(u2.private_metadata).toEqual({crm: 'c2'})
      const csv = join(d, 'meta.csv')
      writeFileSync(csv, `id,public_metadata\n${users[0].id},"{""a"":1}"\n${users[1].id},{broken\n`)
      const bad = await t.run(['users', 'metadata', '--file', csv, '--yes'])
      expect(bad.code).toBe(2)
      expect(bad.stderr).toMatch(/row 2: public_metadata is not valid JSON/)
      expect(t.emu.store.users.get(users[0].id)!.public_metadata).toEqual({seats: 0})
    }))
})
