/**
 * Input honesty in bulk input: unknown columns/keys and duplicate headers are exit 2 before anything is
 * sent (keys that `users export` writes stay accepted), unclean text makes a row invalid, and `@file`
 * values are bounded and read only by the command that needs them.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'
import {changing} from './fixtures.js'

const dir = () => mkdtempSync(join(tmpdir(), 'clerk-input-'))

describe('bulk input honesty (users import)', () => {
  const t = useEmulator({rateLimit: 'off'})

  it('an unknown CSV column is exit 2 naming it and the closest field; nothing sent', async () => {
    const d = dir()
    writeFileSync(join(d, 'u.csv'), 'email_address,frist_name\nhonest-1@example.com,Ada\n')
    const since = t.mark()
    const r = await t.usage(['users', 'import', join(d, 'u.csv'), '--yes'])
    expect(r.stderr).toMatch(/unknown column "frist_name" \(did you mean first_name\?\)/)
    expect(since()).toEqual([])
  })

  it('an unknown JSONL key is exit 2 naming it and its row', async () => {
    const since = t.mark()
    const r = await t.usage(['users', 'import', '-', '--input-format', 'jsonl', '--yes'], {
      input: '{"email_address":"honest-2@example.com"}\n{"email_address":"honest-3@example.com","lastname":"X"}\n',
    })
    expect(r.stderr).toMatch(/unknown key "lastname" \(row 2\) \(did you mean last_name\?\)/)
    expect(since()).toEqual([])
  })

  it('a header given twice is exit 2', async () => {
    const since = t.mark()
    const r = await t.usage(['users', 'import', '-', '--input-format', 'csv', '--yes'], {
      input: 'email_address,first_name,first_name\nhonest-4@example.com,Ada,Grace\n',
    })
    expect(r.stderr).toMatch(/"first_name" more than once/)
    expect(since()).toEqual([])
  })

  it('invalid UTF-8, NUL and other control characters make the row invalid (exit 2, nothing sent)', async () => {
    for (const [name, bytes] of [
      [
        'invalid UTF-8',
        Buffer.concat([
          Buffer.from('email_address,first_name\nbad-utf8@example.com,A'),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('\n'),
        ]),
      ],
      ['NUL', Buffer.from('email_address,first_name\nnul@example.com,A\u0000B\n')],
      ['ESC', Buffer.from('email_address,first_name\nesc@example.com,A\u001b[31mB\n')],
    ] as const) {
      const d = dir()
      writeFileSync(join(d, 'u.csv'), bytes)
      const since = t.mark()
      const r = await t.usage(['users', 'import', join(d, 'u.csv'), '--yes'])
      expect(r.stderr, name).toMatch(/row 1: first_name: (invalid UTF-8|control character)/)
      expect(changing(since()), name).toEqual([])
    }
  })

  it('users export | users import keeps working (every key export writes is accepted)', async () => {
    t.seedUsers(2)
    const exported = (await t.ok(['users', 'export', '-o', 'ndjson'])).stdout
    const r = await t.run(['users', 'import', '-', '--input-format', 'jsonl', '--validate-only'], {input: exported})
    expect(r.stderr).not.toMatch(/unknown/)
    expect(r.code).toBe(0)
    const csv = (await t.ok(['users', 'export', '-o', 'csv'])).stdout
    const c = await t.run(['users', 'import', '-', '--input-format', 'csv', '--validate-only'], {input: csv})
    expect(c.stderr).not.toMatch(/unknown/)
  })
})

describe('bounded @file values', () => {
  const t = useEmulator({rateLimit: 'off'})

  it('CLERK_JWT_KEY=@/dev/zero breaks no other command', async () => {
    t.seedUsers(1)
    await t.ok(['users', 'list', '--limit', '1'], {env: {CLERK_JWT_KEY: '@/dev/zero'}})
    const [u] = await t.json(['users', 'list', '--limit', '1'])
    await t.ok(['users', 'get', u.id], {env: {CLERK_JWT_KEY: '@/dev/zero'}})
  })

  it('token verify with it: exit 2 "too big", no crash', async () => {
    const r = await t.usage(['token', 'verify', 'eyJhbGciOiJSUzI1NiJ9.e30.x'], {env: {CLERK_JWT_KEY: '@/dev/zero'}})
    expect(r.stderr).toMatch(/too big/)
  })

  it('an unreadable or too big @file for metadata: exit 2', async () => {
    t.seedUsers(1)
    const [u] = await t.json(['users', 'list', '--limit', '1'])
    const since = t.mark()
    const missing = await t.usage(['users', 'metadata', u.id, '--public', '@/nonexistent/x.json', '--yes'])
    expect(missing.stderr).toMatch(/cannot read/)
    const big = await t.usage(['users', 'metadata', u.id, '--public', '@/dev/zero', '--yes'])
    expect(big.stderr).toMatch(/too big/)
    expect(changing(since())).toEqual([])
  })
})
