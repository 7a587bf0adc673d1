import {beforeAll, describe, expect, it} from 'vitest'

import {verboseStats} from '../../helpers/cli.js'
import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
let id: string

beforeAll(async () => {
  t.seedUsers(3)
  const r = await t.run(['users', 'list', '--limit', '1', '-o', 'json'])
  id = JSON.parse(r.stdout)[0].id
})

describe('clerk users get', () => {
  it('prints the user as BAPI JSON (through @clerk/backend, raw shape)', async () => {
    const r = await t.run(['users', 'get', id, '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    const user = JSON.parse(r.stdout)
    expect(user.id).toBe(id)
    expect(user.object).toBe('user')
  })

  it('the SDK, loaded lazily after the limited fetch is in place, still sends through the limiter', async () => {
    const before = t.emu.requests.length
    const r = await t.run(['users', 'get', id, '-o', 'json', '--verbose'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(new RegExp(`\\[http\\] GET /v1/users/${id} -> 200`))
    expect(verboseStats(r.stderr)?.requests).toBe(1)
    expect(t.emu.requests.length - before).toBe(1)
  })

  it('prints a key/value table for people', async () => {
    const r = await t.run(['users', 'get', id])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(id)
    expect(r.stdout).toMatch(/EMAIL/)
  })

  it('a missing user is exit 1 with the API message, status, code and trace id on one line', async () => {
    const r = await t.run(['users', 'get', 'user_doesnotexist'])
    expect(r.code).toBe(1)
    const line = r.stderr.trim().split('\n')[0]
    expect(line).toMatch(/^Error: .+\(HTTP 404 resource_not_found/)
    expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('keeps exit codes in --json mode too (oclif would say 1)', async () => {
    const missing = await t.run(['users', 'get', 'user_doesnotexist', '--json'])
    expect(missing.code).toBe(1)
    const badKey = await t.run(['users', 'get', id, '--json'], {
      env: {CLERK_SECRET_KEY: 'sk_test_wrongwrongwrongwrong'},
    })
    expect(badKey.code).toBe(3)
  })
})
