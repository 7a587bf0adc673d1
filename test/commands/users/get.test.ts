import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {emulatorEnv, runCli, verboseStats} from '../../helpers/cli.js'
import {startTestEmulator} from '../../helpers/emulator.js'

let emu: Awaited<ReturnType<typeof startTestEmulator>>
let id: string

beforeAll(async () => {
  emu = await startTestEmulator({rateLimit: 'off'})
  emu.store.seedUsers(3)
  const r = await runCli(['users', 'list', '--limit', '1', '-o', 'json'], {env: emulatorEnv(emu)})
  id = JSON.parse(r.stdout)[0].id
})
afterAll(async () => {
  emu.assertResponsesMatchSpec()
  await emu.stop()
})

describe('clerk users get', () => {
  it('prints the user as BAPI JSON (through @clerk/backend, raw shape)', async () => {
    const r = await runCli(['users', 'get', id, '-o', 'json'], {env: emulatorEnv(emu)})
    expect(r.code, r.stderr).toBe(0)
    const user = JSON.parse(r.stdout)
    expect(user.id).toBe(id)
    expect(user.object).toBe('user')
  })

  it('the SDK, loaded lazily after the limited fetch is in place, still sends through the limiter', async () => {
    const before = emu.requests.length
    const r = await runCli(['users', 'get', id, '-o', 'json', '--verbose'], {env: emulatorEnv(emu)})
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(new RegExp(`\\[http\\] GET /v1/users/${id} -> 200`))
    expect(verboseStats(r.stderr)?.requests).toBe(1)
    expect(emu.requests.length - before).toBe(1)
  })

  it('prints a key/value table for people', async () => {
    const r = await runCli(['users', 'get', id], {env: emulatorEnv(emu)})
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(id)
    expect(r.stdout).toMatch(/EMAIL/)
  })

  it('a missing user is exit 1 with the API message, status, code and trace id on one line', async () => {
    const r = await runCli(['users', 'get', 'user_doesnotexist'], {env: emulatorEnv(emu)})
    expect(r.code).toBe(1)
    const line = r.stderr.trim().split('\n')[0]
    expect(line).toMatch(/^Error: .+\(HTTP 404 resource_not_found/)
    expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('keeps exit codes in --json mode too (oclif would say 1)', async () => {
    const missing = await runCli(['users', 'get', 'user_doesnotexist', '--json'], {env: emulatorEnv(emu)})
    expect(missing.code).toBe(1)
    const badKey = await runCli(['users', 'get', id, '--json'], {
      env: emulatorEnv(emu, {CLERK_SECRET_KEY: 'sk_test_wrongwrongwrongwrong'}),
    })
    expect(badKey.code).toBe(3)
  })
})
