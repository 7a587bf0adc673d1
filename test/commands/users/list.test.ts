import {beforeAll, describe, expect, it} from 'vitest'

import {verboseStats} from '../../helpers/cli.js'
import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
beforeAll(() => t.seedUsers(95))

const userRequests = () => t.emu.requests.filter((r) => r.path.startsWith('/v1/users'))

describe('clerk users list', () => {
  it('prints a table for people with id, email, name, created and last sign-in', async () => {
    const r = await t.run(['users', 'list', '--limit', '3', '--wide'])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/ID\s+EMAIL\s+NAME\s+CREATED\s+LAST SIGN-IN/)
    expect(lines).toHaveLength(4)
    expect(lines[1]).toMatch(/^user_\w+\s+\S+@\S+/)
    expect(r.stdout).not.toContain('\u001B[') // no colour codes when piped
  })

  it('-o json prints BAPI users as one array (snake_case, bare objects)', async () => {
    const r = await t.run(['users', 'list', '--limit', '5', '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    const users = JSON.parse(r.stdout)
    expect(users).toHaveLength(5)
    expect(users[0]).toHaveProperty('object', 'user')
    expect(users[0]).toHaveProperty('email_addresses')
    expect(users[0]).toHaveProperty('primary_email_address_id')
  })

  it('--json is the same as -o json, and an empty result is []', async () => {
    const r = await t.run(['users', 'list', '--json', '--query', 'no-such-user-anywhere'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([])
  })

  it('-o ndjson prints one user per line', async () => {
    const r = await t.run(['users', 'list', '--limit', '7', '-o', 'ndjson'])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines).toHaveLength(7)
    for (const line of lines) expect(JSON.parse(line).id).toMatch(/^user_/)
  })

  it('-o csv prints a header and quoted fields; --columns picks them', async () => {
    const r = await t.run(['users', 'list', '--limit', '4', '-o', 'csv', '--columns', 'id,email,created'])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toBe('id,email,created')
    expect(lines).toHaveLength(5)
    expect(lines[1]).toMatch(/^user_\w+,[^,]+@[^,]+,\d{4}-\d\d-\d\dT/)
  })

  it('an unknown column is a usage error (exit 2) naming the valid ones', async () => {
    const r = await t.run(['users', 'list', '-o', 'csv', '--columns', 'id,nope'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/unknown column nope/)
  })

  it('filters by email and by query, as BAPI does', async () => {
    const [first] = JSON.parse((await t.run(['users', 'list', '--limit', '1', '-o', 'json'])).stdout)
    const email = first.email_addresses[0].email_address
    const byEmail = await t.run(['users', 'list', '--email', email, '-o', 'json'])
    expect(JSON.parse(byEmail.stdout).map((u: {id: string}) => u.id)).toEqual([first.id])
    const byId = await t.run(['users', 'list', '--user-id', first.id, '-o', 'ndjson'])
    expect(JSON.parse(byId.stdout).id).toBe(first.id)
  })

  it('--all streams every page: one count and exactly one request per page', async () => {
    const before = userRequests().length
    const r = await t.run(['users', 'list', '--all', '--page-size', '10', '-o', 'ndjson', '--verbose'])
    expect(r.code, r.stderr).toBe(0)
    const ids = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id)
    expect(ids).toHaveLength(95)
    expect(new Set(ids).size).toBe(95)
    const made = userRequests().slice(before)
    expect(made.filter((q) => q.path === '/v1/users/count')).toHaveLength(1)
    expect(made.filter((q) => q.path === '/v1/users')).toHaveLength(10)
    expect(verboseStats(r.stderr)?.requests).toBe(11)
  })

  it('--all keeps BAPI order across pages (same as one big page)', async () => {
    const paged = await t.run(
      ['users', 'list', '--all', '--page-size', '7', '--order-by', '+created_at', '-o', 'ndjson'],
      {env: t.env()},
    )
    const single = await t.run(['users', 'list', '--limit', '100', '--order-by', '+created_at', '-o', 'ndjson'])
    expect(paged.stdout).toBe(single.stdout)
  })

  it('--all --limit N stops after N users', async () => {
    const r = await t.run(['users', 'list', '--all', '--page-size', '10', '--limit', '25', '-o', 'ndjson'])
    expect(r.stdout.trim().split('\n')).toHaveLength(25)
  })

  it('--limit above 500 without --all is a usage error', async () => {
    const r = await t.run(['users', 'list', '--limit', '600'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/at most 500/)
  })
})
