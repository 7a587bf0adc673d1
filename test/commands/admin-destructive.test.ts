/**
 * Every destructive command of the admin surface (issue 19), from one table: without a terminal it needs
 * --yes (exit 2, nothing sent); at a terminal it asks, and declining sends nothing (exit 1); where it
 * offers --dry-run, that sends nothing either. Then --yes does it (exit 0).
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'
import {runPty} from '../helpers/pty.js'
import {givePasskey} from '../safety/fixtures.js'

const t = useEmulator({rateLimit: 'off'})
let user: string
let ids: string

beforeAll(async () => {
  const [u] = t.emu.store.seedUsers(1)
  user = u.id
  const post = async (path: string, body: unknown) => {
    const r = await t.emu.request('POST', path, body)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    return r.body
  }
  await post('/v1/organization_permissions', {key: 'org:things:read', name: 'Read things'})
  await post('/v1/organization_permissions', {key: 'org:things:gone', name: 'Gone things'})
  await post('/v1/organization_roles', {key: 'org:doomed', name: 'Doomed', permissions: ['org:things:read']})
  await post('/v1/email_addresses', {user_id: user, email_address: 'extra@destructive.example'})
  await post('/v1/phone_numbers', {user_id: user, phone_number: '+15555550177'})
  await t.emu.request('PATCH', `/v1/users/${user}`, {password: 'destructive-password-1'})
  givePasskey(t, user, 'idn_pkdoomed')
  const dir = mkdtempSync(join(tmpdir(), 'clerk-destructive-'))
  ids = join(dir, 'ids.txt')
  writeFileSync(ids, `${user}\n`)
})

/** [argv without --yes, offers --dry-run] — argv is built lazily (ids exist only after beforeAll). */
const COMMANDS: Array<[string, () => string[], boolean?]> = [
  ['orgs roles remove-permission', () => ['orgs', 'roles', 'remove-permission', 'org:doomed', 'org:things:read']],
  ['orgs roles delete', () => ['orgs', 'roles', 'delete', 'org:doomed']],
  ['orgs permissions delete', () => ['orgs', 'permissions', 'delete', 'org:things:gone']],
  ['users emails remove', () => ['users', 'emails', 'remove', user, 'extra@destructive.example']],
  ['users phones remove', () => ['users', 'phones', 'remove', user, '+15555550177']],
  ['users mfa disable', () => ['users', 'mfa', 'disable', user]],
  ['users passkeys remove', () => ['users', 'passkeys', 'remove', user, 'idn_pkdoomed']],
  ['users password set-compromised', () => ['users', 'password', 'set-compromised', user]],
  [
    'users password set-compromised --file',
    () => ['users', 'password', 'set-compromised', '--file', ids, '--progress', 'none'],
    true,
  ],
]

const writes = (since: () => Array<{method: string}>) => since().filter((r) => r.method !== 'GET')

describe.each(COMMANDS)('%s', (_name, argv, dryRun) => {
  it(
    'needs --yes without a terminal, asks at one (declining sends nothing), then --yes does it',
    {timeout: 120_000},
    async () => {
      const since = t.mark()
      const noYes = await t.usage(argv())
      expect(noYes.stderr).toMatch(/--yes/)
      expect(writes(since)).toEqual([])
      const pty = await runPty(argv(), {env: t.env(), steps: [[/\(y\/N\)/, 'n\r']]})
      expect(pty.stepsDone, pty.tty).toBe(1)
      expect(pty.code, pty.tty).toBe(1)
      expect(pty.tty).toMatch(/cancelled/)
      if (dryRun) await t.ok([...argv(), '--dry-run'])
      expect(writes(since)).toEqual([])
      await t.ok([...argv(), '--yes'])
      expect(writes(since).length).toBeGreaterThan(0)
    },
  )
})
