/**
 * Output a newcomer pipes into the next command: LF-terminated CSV, --columns for every format (and
 * refused where it cannot apply), case-insensitive column names, a hint when a list stops at its limit,
 * comma-separated filter values, tables that fit 80 columns unless --wide.
 */
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

describe('output', () => {
  it('CSV lines end in LF (RFC 4180 quoting kept): $(... | tail -1) is a clean id', async () => {
    t.seedUsers(5)
    const r = await t.ok(['users', 'list', '-o', 'csv', '--columns', 'id'])
    expect(r.stdout).not.toContain('\r')
    const last = r.stdout.trimEnd().split('\n').at(-1)!
    expect(last).toMatch(/^user_\w+$/)
    await t.ok(['users', 'get', last])
    const created = await t.json(['users', 'create', '--email', 'quote@example.com', '--first-name', 'Ada, "A"'])
    const q = await t.ok(['users', 'get', created.id, '-o', 'csv', '--columns', 'id,name'])
    expect(q.stdout).toBe(`id,name\n${created.id},"Ada, ""A"""\n`)
  })

  it('--columns selects fields for json and ndjson (dotted paths, columns, any case); unknown is exit 2', async () => {
    await t.json(['users', 'create', '--email', 'fields@example.com', '--public-metadata', '{"plan":"pro","seats":5}'])
    const list = ['users', 'list', '--email', 'fields@example.com']
    const [u] = await t.json([...list, '--columns', 'id,EMAIL,public_metadata.plan,first_name'])
    expect(Object.keys(u)).toEqual(['id', 'email', 'public_metadata', 'first_name'])
    expect(u).toMatchObject({email: 'fields@example.com', public_metadata: {plan: 'pro'}})
    expect(u.public_metadata).not.toHaveProperty('seats')
    const lines = await t.ndjson(['users', 'list', '--limit', '2', '--columns', 'id'])
    expect(lines.map((l) => Object.keys(l))).toEqual([['id'], ['id']])
    const one = await t.json(['users', 'get', u.id, '--columns', 'id,created_at'])
    expect(Object.keys(one)).toEqual(['id', 'created_at'])
    const bad = await t.usage(['users', 'list', '-o', 'json', '--columns', 'id,emial'])
    expect(bad.stderr).toMatch(/^Error: unknown field emial/m)
    expect(bad.stdout).toBe('')
  })

  it('table and CSV column names are case-insensitive', async () => {
    const r = await t.ok(['users', 'list', '-o', 'csv', '--columns', 'ID,Email', '--limit', '1'])
    expect(r.stdout.split('\n')[0]).toBe('id,email')
  })

  it('clerk api refuses -o csv, -o table and --columns (its JSON passes through as it is), sending nothing', async () => {
    for (const args of [
      ['-o', 'csv'],
      ['-o', 'table'],
      ['--columns', 'id'],
    ]) {
      const since = t.mark()
      const r = await t.usage(['api', '/users', ...args])
      expect(r.stderr).toMatch(/^Error: .*does not apply/m)
      expect(since()).toEqual([])
    }
  })

  it('a list that stops at its limit says how to get more (stderr); a short page does not', async () => {
    const full = await t.ok(['users', 'list', '--limit', '2', '-o', 'json'])
    expect(full.stderr).toContain('more available: --offset 2 or --all')
    expect(JSON.parse(full.stdout)).toHaveLength(2)
    const next = await t.ok(['users', 'list', '--limit', '2', '--offset', '2'])
    expect(next.stderr).toContain('more available: --offset 4 or --all')
    const all = await t.ok(['users', 'list', '--limit', '100'])
    expect(all.stderr).not.toContain('more available')
    const streamed = await t.ok(['users', 'list', '--all'])
    expect(streamed.stderr).not.toContain('more available')
  })

  it('filters take comma-separated values as well as repeated flags', async () => {
    await t.json(['users', 'create', '--email', 'comma-a@example.com'])
    await t.json(['users', 'create', '--email', 'comma-b@example.com'])
    const both = await t.json(['users', 'list', '--email', 'comma-a@example.com,comma-b@example.com'])
    expect(
      both.map((u: {email_addresses: Array<{email_address: string}>}) => u.email_addresses[0].email_address).sort(),
    ).toEqual(['comma-a@example.com', 'comma-b@example.com'])
    const count = await t.ok(['users', 'count', '--email', 'comma-a@example.com,comma-b@example.com', '-o', 'json'])
    expect(JSON.parse(count.stdout).total_count).toBe(2)
  })

  it('tables fit 80 columns by default, naming what was left out; --wide shows every column', async () => {
    const width = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length))
    for (const args of [['users', 'list'], ['orgs', 'list'], ['whoami']]) {
      const r = await t.ok(args)
      expect(width(r.stdout), `${args.join(' ')}:\n${r.stdout}`).toBeLessThanOrEqual(80)
    }
    const narrow = await t.ok(['users', 'list'])
    expect(narrow.stdout.split('\n')[0]).toMatch(/^ID\s+EMAIL/)
    expect(narrow.stderr).toMatch(/column(s)? not shown: .*--wide shows all/)
    const wide = await t.ok(['users', 'list', '--wide'])
    expect(wide.stdout.split('\n')[0]).toMatch(/^ID\s+EMAIL\s+NAME\s+CREATED\s+LAST SIGN-IN$/)
    expect(width(wide.stdout)).toBeGreaterThan(80)
  })
})
