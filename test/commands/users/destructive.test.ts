/** delete, ban, unban, lock, unlock without a terminal: --yes is required where they take something away. */
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const make = async (email: string) => (await t.createUser(email)).id as string

describe('without a terminal, destructive commands need --yes', () => {
  it.each([['delete'], ['ban'], ['lock'], ['revoke-sessions']])(
    'users %s: exit 2 naming --yes, nothing sent',
    async (verb) => {
      const id = await make(`${verb}-noyes@example.com`)
      await t.emu.request('POST', '/v1/sessions', {user_id: id})
      const from = t.emu.requests.length
      for (const extra of [[], ['--no-input'], ['--email', `${verb}-noyes@example.com`]]) {
        const args = extra[0] === '--email' ? ['users', verb, ...extra] : ['users', verb, id, ...extra]
        const r = await t.run(args, {env: {CI: extra.length === 0 ? '1' : undefined}})
        expect(r.code, r.stderr).toBe(2)
        expect(r.stderr).toMatch(/without confirmation/)
        expect(r.stderr).toMatch(/Hint: add --yes/)
        expect(r.stdout).toBe('')
      }
      expect(t.emu.requests.length).toBe(from) // not even the --email lookup
    },
  )
})

describe('with --yes', () => {
  it('delete: the deleted object; the user is gone', async () => {
    const id = await make('del@example.com')
    const r = await t.run(['users', 'delete', id, '--yes', '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({object: 'user', id, deleted: true})
    expect(t.emu.store.users.get(id)).toBeUndefined()
    const byEmail = await t.run(['users', 'delete', '--email', 'nobody@example.com', '-y'])
    expect(byEmail.code).toBe(1)
    expect(byEmail.stderr.trim()).toBe('Error: no user with email address nobody@example.com')
  })

  it('deleting a missing user: exit 1 with the API message', async () => {
    const r = await t.run(['users', 'delete', 'user_missing', '--yes'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^Error: No user was found with id user_missing \(HTTP 404 resource_not_found, trace \w+\)\n$/,
    )
  })

  it('ban / unban / lock / unlock by id and by --email, in every format', async () => {
    const id = await make('state@example.com')
    const ban = await t.run(['users', 'ban', id, '--yes', '-o', 'json'])
    expect(ban.code, ban.stderr).toBe(0)
    expect(JSON.parse(ban.stdout)).toMatchObject({id, banned: true})
    const unban = await t.run(['users', 'unban', '--email', 'state@example.com', '-o', 'ndjson'])
    expect(unban.code, unban.stderr).toBe(0)
    expect(JSON.parse(unban.stdout).banned).toBe(false)
    const lock = await t.run(['users', 'lock', id, '--yes', '-o', 'csv', '--columns', 'id,locked'])
    expect(lock.stdout.split(/\r?\n/).slice(0, 2)).toEqual(['id,locked', `${id},true`])
    const unlock = await t.run(['users', 'unlock', id])
    expect(unlock.code, unlock.stderr).toBe(0)
    expect(unlock.stdout).toMatch(/LOCKED\s*│\s*false/)
    expect(
      t.emu.requests
        .filter((r) => r.method === 'POST' && r.path.startsWith(`/v1/users/${id}/`))
        .map((r) => r.path.split('/').at(-1)),
    ).toEqual(['ban', 'unban', 'lock', 'unlock'])
  })

  it('unban and unlock never ask, so they run without --yes; a missing user is exit 1', async () => {
    const r = await t.run(['users', 'unlock', 'user_missing'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/No user was found with id user_missing \(HTTP 404/)
  })
})
