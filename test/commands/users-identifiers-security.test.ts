/** users emails|phones, mfa, passkeys, password flags (one and --file), verify-password, users orgs, orgs memberships list. */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'
import {givePasskey} from '../safety/fixtures.js'

const t = useEmulator({rateLimit: 'off'})

describe('a user’s identifiers and security', () => {
  it(
    'emails and phones: add, verify, set-primary, remove (the primary one cannot go first)',
    {timeout: 240_000},
    async () => {
      const [u] = t.emu.store.seedUsers(1)
      const first = u.email_addresses[0].email_address
      const added = await t.json(['users', 'emails', 'add', u.id, 'second@ids.example'])
      expect(added).toMatchObject({object: 'email_address', email_address: 'second@ids.example'})
      expect(added.verification.status).toBe('unverified')
      const verified = await t.json(['users', 'emails', 'verify', first, 'second@ids.example'])
      expect(verified.verification.status).toBe('verified')
      await t.ok(['users', 'emails', 'set-primary', u.id, added.id])
      expect((await t.json(['users', 'get', u.id])).primary_email_address_id).toBe(added.id)
      const taken = await t.fails(1, ['users', 'emails', 'add', u.id, first])
      expect(taken.stderr).toMatch(/HTTP 422 form_identifier_exists/)
      expect((await t.fails(1, ['users', 'emails', 'remove', u.id, 'second@ids.example', '--yes'])).stderr).toMatch(
        /HTTP 422/,
      )
      expect((await t.json(['users', 'emails', 'remove', u.id, first, '--yes'])).deleted).toBe(true)
      expect((await t.fails(1, ['users', 'emails', 'verify', u.id, 'nobody@ids.example'])).stderr).toMatch(
        /has no email address nobody@ids\.example/,
      )

      const phone = await t.json(['users', 'phones', 'add', u.id, '+15555550142', '--verified', '--second-factor'])
      expect(phone).toMatchObject({phone_number: '+15555550142', reserved_for_second_factor: true})
      await t.ok(['users', 'phones', 'set-primary', u.id, '+15555550142'])
      expect((await t.json(['users', 'phones', 'remove', u.id, phone.id, '--yes'])).deleted).toBe(true)
      await t.fails(1, ['users', 'phones', 'add', u.id, '555-0100'])
    },
  )

  it(
    'mfa disable, passkeys list/remove, compromised flags (one and --file), verify-password',
    {timeout: 240_000},
    async () => {
      const [a, b, c] = t.emu.store.seedUsers(3)
      await t.ok(['users', 'update', a.id, '--password-stdin'], {input: 'correct horse battery\n'})
      for (const u of [b, c]) await t.ok(['users', 'update', u.id, '--password', 'another-password-1'])
      givePasskey(t, a.id, 'idn_passkey1', 'YubiKey')
      t.emu.store.users.set({...t.emu.store.users.get(a.id)!, totp_enabled: true, two_factor_enabled: true})
      expect(await t.json(['users', 'mfa', 'disable', a.id, '--yes'])).toEqual({user_id: a.id})
      expect((await t.json(['users', 'get', a.id])).two_factor_enabled).toBe(false)
      expect((await t.ok(['users', 'passkeys', 'list', a.id])).stdout).toMatch(/idn_passkey1\s+YubiKey/)
      expect((await t.json(['users', 'passkeys', 'remove', a.id, 'idn_passkey1', '--yes'])).deleted).toBe(true)
      expect(await t.json(['users', 'passkeys', 'list', a.id])).toEqual([])

      const ok = await t.json(['users', 'verify-password', a.id, '--password-stdin'], {
        input: 'correct horse battery\n',
      })
      expect(ok).toEqual({verified: true})
      const wrong = await t.fails(1, ['users', 'verify-password', a.id, '--password-stdin'], {input: 'nope\n'})
      expect(wrong.stderr).toMatch(/Password is incorrect/)
      expect(wrong.stderr + wrong.stdout).not.toMatch(/nope/)
      await t.usage(['users', 'verify-password', a.id])

      await t.ok(['users', 'password', 'set-compromised', a.id, '--yes'])
      await t.ok(['users', 'password', 'unset-compromised', a.id])
      const dir = mkdtempSync(join(tmpdir(), 'clerk-compromised-'))
      const ids = join(dir, 'ids.txt')
      writeFileSync(ids, `${b.id}\n${c.id}\nuser_missing\n`)
      await t.usage(['users', 'password', 'set-compromised', '--file', ids])
      const since = t.mark()
      await t.ok(['users', 'password', 'set-compromised', '--file', ids, '--dry-run'])
      expect(since().filter((r) => r.method !== 'GET')).toEqual([])
      const run = await t.fails(5, [
        'users',
        'password',
        'set-compromised',
        '--file',
        ids,
        '--yes',
        '--progress',
        'none',
      ])
      expect(run.stderr).toMatch(/2 ok/)
      const posts = since()
        .filter((r) => r.method === 'POST')
        .map((r) => r.path)
      expect(posts.sort()).toEqual(
        [b.id, c.id, 'user_missing'].map((id) => `/v1/users/${id}/password/set_compromised`).sort(),
      )
    },
  )

  it('users orgs and orgs memberships list (filters by user, role, org)', {timeout: 120_000}, async () => {
    const [x, y] = t.emu.store.seedUsers(2)
    await t.ok(['orgs', 'create', '--name', 'One', '--slug', 'one-m', '--created-by', x.id])
    await t.ok(['orgs', 'create', '--name', 'Two', '--slug', 'two-m', '--created-by', y.id])
    await t.ok(['orgs', 'members', 'add', 'two-m', x.id])
    const mine = await t.json(['users', 'orgs', x.id])
    expect(
      mine.map((m: {organization: {slug: string}; role: string}) => `${m.organization.slug}:${m.role}`).sort(),
    ).toEqual(['one-m:org:admin', 'two-m:org:member'])
    const admins = await t.json(['orgs', 'memberships', 'list', '--role', 'org:admin'])
    expect(admins.map((m: {public_user_data: {user_id: string}}) => m.public_user_data.user_id).sort()).toEqual(
      [x.id, y.id].sort(),
    )
    expect(await t.json(['orgs', 'memberships', 'list', '--org', 'two-m', '--user', x.id])).toHaveLength(1)
    expect((await t.ok(['orgs', 'memberships', 'list', '--org', 'one-m', '--wide'])).stdout).toMatch(
      /one-m\s+user_\w+\s+\S+\s+org:admin/,
    )
  })
})
