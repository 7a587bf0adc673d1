/** delete, ban, unban, lock, unlock without a terminal: --yes is required where they take something away. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {emulatorEnv, runCli} from '../../helpers/cli.js'
import {startTestEmulator, type TestEmulator} from '../../helpers/emulator.js'

let emu: TestEmulator
let env: Record<string, string>
const make = async (email: string) =>
  (await emu.request('POST', '/v1/users', {email_address: [email]})).body.id as string
beforeAll(async () => {
  emu = await startTestEmulator({rateLimit: 'off'})
  env = emulatorEnv(emu)
})
afterAll(async () => {
  emu.assertResponsesMatchSpec()
  await emu.stop()
})

describe('without a terminal, destructive commands need --yes', () => {
  it.each([['delete'], ['ban'], ['lock'], ['revoke-sessions']])(
    'users %s: exit 2 naming --yes, nothing sent',
    async (verb) => {
      const id = await make(`${verb}-noyes@example.com`)
      await emu.request('POST', '/v1/sessions', {user_id: id})
      const from = emu.requests.length
      for (const extra of [[], ['--no-input'], ['--email', `${verb}-noyes@example.com`]]) {
        const args = extra[0] === '--email' ? ['users', verb, ...extra] : ['users', verb, id, ...extra]
        const r = await runCli(args, {env: {...env, CI: extra.length === 0 ? '1' : undefined}})
        expect(r.code, r.stderr).toBe(2)
        expect(r.stderr).toMatch(/without confirmation/)
        expect(r.stderr).toMatch(/Hint: add --yes/)
        expect(r.stdout).toBe('')
      }
      expect(emu.requests.length).toBe(from) // not even the --email lookup
    },
  )
})

describe('with --yes', () => {
  it('delete: the deleted object; the user is gone', async () => {
    const id = await make('del@example.com')
    const r = await runCli(['users', 'delete', id, '--yes', '-o', 'json'], {env})
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({object: 'user', id, deleted: true})
    expect(emu.store.users.get(id)).toBeUndefined()
    const byEmail = await runCli(['users', 'delete', '--email', 'nobody@example.com', '-y'], {env})
    expect(byEmail.code).toBe(1)
    expect(byEmail.stderr.trim()).toBe('Error: no user with email address nobody@example.com')
  })

  it('deleting a missing user: exit 1 with the API message', async () => {
    const r = await runCli(['users', 'delete', 'user_missing', '--yes'], {env})
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^Error: no user with id user_missing \(HTTP 404 resource_not_found, trace \w+\)\n$/)
  })

  it('ban / unban / lock / unlock by id and by --email, in every format', async () => {
    const id = await make('state@example.com')
    const ban = await runCli(['users', 'ban', id, '--yes', '-o', 'json'], {env})
    expect(ban.code, ban.stderr).toBe(0)
    expect(JSON.parse(ban.stdout)).toMatchObject({id, banned: true})
    const unban = await runCli(['users', 'unban', '--email', 'state@example.com', '-o', 'ndjson'], {env})
    expect(unban.code, unban.stderr).toBe(0)
    expect(JSON.parse(unban.stdout).banned).toBe(false)
    const lock = await runCli(['users', 'lock', id, '--yes', '-o', 'csv', '--columns', 'id,locked'], {env})
    expect(lock.stdout.split(/\r?\n/).slice(0, 2)).toEqual(['id,locked', `${id},true`])
    const unlock = await runCli(['users', 'unlock', id], {env})
    expect(unlock.code, unlock.stderr).toBe(0)
    expect(unlock.stdout).toMatch(/LOCKED\s*│\s*false/)
    expect(
      emu.requests
        .filter((r) => r.method === 'POST' && r.path.startsWith(`/v1/users/${id}/`))
        .map((r) => r.path.split('/').at(-1)),
    ).toEqual(['ban', 'unban', 'lock', 'unlock'])
  })

  it('unban and unlock never ask, so they run without --yes; a missing user is exit 1', async () => {
    const r = await runCli(['users', 'unlock', 'user_missing'], {env})
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/no user with id user_missing \(HTTP 404/)
  })
})
