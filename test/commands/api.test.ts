/** `clerk api` end to end against the emulator: pagination, fields, raw input, -i, 4xx passthrough, spec checks. */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, beforeEach, describe, expect, it} from 'vitest'

import {runCli, verboseStats} from '../helpers/cli.js'
import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const dir = mkdtempSync(join(tmpdir(), 'clerk-api-'))

beforeAll(() => t.seedUsers(12))
beforeEach(() => {
  t.emu.requests.length = 0
})

describe('clerk api', () => {
  it('GETs a path (with or without /v1, with -q and an inline query) and prints BAPI JSON', async () => {
    const r = await t.run(['api', '/users', '-q', 'limit=3', '-q', 'order_by=+created_at'])
    expect(r.code, r.stderr).toBe(0)
    const users = JSON.parse(r.stdout)
    expect(users).toHaveLength(3)
    expect(t.emu.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v1/users',
      query: {limit: '3', order_by: '+created_at'},
    })
    const again = await t.run(['api', 'GET', 'v1/users?limit=2'])
    expect(JSON.parse(again.stdout)).toHaveLength(2)
  })

  it('--paginate follows limit/offset across pages of a bare array and emits every item', async () => {
    const r = await t.run(['api', '/users', '--paginate', '--page-size', '5', '-o', 'ndjson', '--verbose'])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(12)
    expect(new Set(lines.map((u) => u.id)).size).toBe(12)
    expect(t.emu.requests.map((q) => q.query.offset)).toEqual(['0', '5', '10'])
    expect(verboseStats(r.stderr)?.requests).toBe(3)
  })

  it('--paginate on a {data, total_count} list stops at total_count (no empty last page) and prints one JSON array', async () => {
    for (let i = 0; i < 6; i++)
      t.emu.store.collection('waitlist_entries').set({
        object: 'waitlist_entry',
        id: `wle_${i}`,
        email_address: `p${i}@example.com`,
        status: 'pending',
        created_at: 1000 + i,
        updated_at: 1000 + i,
      })
    t.emu.requests.length = 0
    const r = await t.run(['api', '/waitlist_entries', '--paginate', '--page-size', '3'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toHaveLength(6)
    expect(t.emu.requests).toHaveLength(2)
  })

  it('sends -f strings and -F typed fields (booleans, numbers, null, nested keys, @file) as a JSON body; POST by default', async () => {
    writeFileSync(join(dir, 'claims.txt'), 'from-file')
    const r = await t.run([
      'api',
      '/jwt_templates',
      '-f',
      'name=api-test',
      '-F',
      'lifetime=120',
      '-F',
      'claims[role]=admin',
      '-F',
      'claims[n]=3',
      '-F',
      'claims[ok]=true',
      '-F',
      `claims[src]=@${join(dir, 'claims.txt')}`,
      '-F',
      'claims[none]=null',
      '-F',
      'claims[tags][]=a',
      '-F',
      'claims[tags][]=b',
    ])
    expect(r.code, r.stderr).toBe(0)
    const tpl = JSON.parse(r.stdout)
    expect(t.emu.requests[0].method).toBe('POST')
    expect(tpl).toMatchObject({
      name: 'api-test',
      lifetime: 120,
      claims: {role: 'admin', n: 3, ok: true, src: 'from-file', none: null, tags: ['a', 'b']},
    })
    const raw = await t.run(['api', 'POST', '/allowlist_identifiers', '-f', 'identifier=+15555550123'])
    expect(JSON.parse(raw.stdout).identifier_type).toBe('phone_number')
  })

  it('sends a raw JSON body from --input FILE and from stdin (an array for bulk endpoints)', async () => {
    writeFileSync(
      join(dir, 'entries.json'),
      JSON.stringify([{email_address: 'in1@example.com'}, {email_address: 'in2@example.com', notify: false}]),
    )
    const file = await t.run(['api', 'POST', '/waitlist_entries/bulk', '--input', join(dir, 'entries.json')])
    expect(file.code, file.stderr).toBe(0)
    expect(JSON.parse(file.stdout).map((e: {email_address: string}) => e.email_address)).toEqual([
      'in1@example.com',
      'in2@example.com',
    ])
    const stdin = await t.run(['api', '/redirect_urls', '--input', '-'], {input: '{"url": "myapp://from-stdin"}'})
    expect(stdin.code, stdin.stderr).toBe(0)
    expect(JSON.parse(stdin.stdout).url).toBe('myapp://from-stdin')
    const bad = await t.run(['api', 'POST', '/redirect_urls', '--input', '-'], {input: '{not json'})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/not JSON/)
    expect(t.emu.requests.filter((q) => q.path === '/v1/redirect_urls')).toHaveLength(1)
  })

  it('passes 4xx answers through: the JSON body on stdout, one line on stderr, exit 1 / 3 / 4', async () => {
    const missing = await t.run(['api', '/users/user_nope'])
    expect(missing.code).toBe(1)
    expect(JSON.parse(missing.stdout).errors[0].code).toBe('resource_not_found')
    expect(missing.stderr).toMatch(/^Error: No user was found with id user_nope \(HTTP 404 resource_not_found/)
    const invalid = await t.run(['api', 'POST', '/jwt_templates', '-f', 'name=x'])
    expect(invalid.code).toBe(1)
    expect(JSON.parse(invalid.stdout).errors[0].meta.param_name).toBe('claims')
    const unauth = await t.run(['api', '/users'], {
      env: {CLERK_SECRET_KEY: 'sk_test_notthekey0000000000'},
    })
    expect(unauth.code).toBe(3)
    expect(JSON.parse(unauth.stdout).errors[0].code).toBe('clerk_key_invalid')
    t.emu.injectFault({kind: 'status', status: 403, path: '^/v1/domains$'})
    const forbidden = await t.run(['api', '/domains'])
    expect(forbidden.code).toBe(4)
    expect(JSON.parse(forbidden.stdout).errors[0].code).toBe('authorization_invalid')
  })

  it('-i prints the status line and headers before the body', async () => {
    const r = await t.run(['api', '-i', '/jwks'])
    expect(r.code, r.stderr).toBe(0)
    const [head, body] = r.stdout.split('\n\n')
    expect(head.split('\n')[0]).toBe('HTTP 200 OK')
    expect(head).toMatch(/^content-type: application\/json$/m)
    expect(JSON.parse(body).keys).toHaveLength(1)
  })

  it('an unknown path or method is exit 2 with the closest paths, and nothing is sent', async () => {
    const r = await t.run(['api', '/user/count'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/unknown API path \/user\/count/)
    expect(r.stderr).toMatch(/did you mean: .*\/users\/count/)
    const m = await t.run(['api', 'DELETE', '/users'])
    expect(m.code).toBe(2)
    expect(m.stderr).toMatch(/it takes: GET, POST/)
    const p = await t.run(['api', 'POST', '/users', '--paginate'])
    expect(p.code).toBe(2)
    expect(t.emu.requests).toHaveLength(0)
    const skip = await t.run(['api', '/not_in_spec', '--skip-check'])
    expect(skip.code).toBe(1)
    expect(t.emu.requests).toHaveLength(1)
  })
})

describe('clerk api ls', () => {
  it('lists operations from the shipped spec, filtered by every word, offline', async () => {
    const r = await runCli(['api', 'ls', 'waitlist', 'invite'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/POST\s+\/waitlist_entries\/\{waitlist_entry_id\}\/invite\s+Invite a waitlist/)
    expect(r.stdout.trim().split('\n')).toHaveLength(2)
    const json = await runCli(['api', 'ls', '-o', 'json'])
    const ops = JSON.parse(json.stdout)
    expect(ops.length).toBeGreaterThan(200)
    expect(ops).toContainEqual(expect.objectContaining({method: 'GET', path: '/users', page_max: 500}))
  })
})
