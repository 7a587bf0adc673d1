/**
 * `clerk users import --from SOURCE` end to end from each source's fixture (fixtures/migrations, digests
 * made here from known passwords): the emulator ends up with every user, with the right identifiers and
 * verification status, names, metadata, external id and ban, and verify_password accepts each migrated
 * user's original password. Then the readiness check, the ID map and undo.
 */
import {mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import type {TestEmulator} from '../../helpers/emulator.js'
import {fillDigests, type HashConfig} from '../../helpers/digests.js'
import {ROOT} from '../../helpers/cli.js'
import {useEmulator} from '../../helpers/harness.js'

const FIXTURES = join(ROOT, 'fixtures', 'migrations')
const HASH_CONFIG_FILE = join(FIXTURES, 'firebase-hash-config.txt')
const HASH_CONFIG: HashConfig = {
  base64_signer_key: /base64_signer_key:\s*([^,\s]+)/.exec(readFileSync(HASH_CONFIG_FILE, 'utf8'))![1],
  base64_salt_separator: 'Bw==',
  rounds: 8,
  mem_cost: 14,
}

/** A fixture with its placeholders replaced by digests, in a temp dir. */
function fixture(name: string): string {
  const d = mkdtempSync(join(tmpdir(), 'migrate-'))
  const path = join(d, name)
  writeFileSync(path, fillDigests(readFileSync(join(FIXTURES, name), 'utf8'), HASH_CONFIG).text)
  return path
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type User = Record<string, any>
const byExternalId = (emu: TestEmulator, id: string): User => {
  const u = emu.store.users.values().find((x) => x.external_id === id)
  expect(u, `user with external_id ${id}`).toBeDefined()
  return u!
}
const emails = (u: User) => u.email_addresses.map((e: User) => [e.email_address, e.reserved ? 'reserved' : 'verified'])
const phones = (u: User) => u.phone_numbers.map((p: User) => [p.phone_number, p.reserved ? 'reserved' : 'verified'])

async function verify(emu: TestEmulator, userId: string, password: string): Promise<number> {
  const res = await fetch(`${emu.url}/v1/users/${userId}/verify_password`, {
    method: 'POST',
    headers: {Authorization: `Bearer ${emu.secretKey}`, 'Content-Type': 'application/json'},
    body: JSON.stringify({password}),
  })
  return res.status
}

/** The original password verifies; a wrong one does not. */
async function expectPassword(emu: TestEmulator, u: User, password: string) {
  expect(u.password_enabled).toBe(true)
  expect(await verify(emu, u.id, password), `${u.external_id} with its old password`).toBe(200)
  expect(await verify(emu, u.id, `${password}-wrong`)).toBe(422)
}

describe('clerk users import --from (one fixture per source)', () => {
  const t = useEmulator({rateLimit: 'off', each: true})

  it('auth0: the user export joined with the password-hash export', async () => {
    const users = fixture('auth0-users.ndjson')
    const passwords = fixture('auth0-passwords.ndjson')
    const idMap = join(users, '..', 'ids.csv')
    const r = await t.ok([
      'users',
      'import',
      users,
      '--from',
      'auth0',
      '--passwords',
      passwords,
      '--yes',
      '--id-map',
      idMap,
    ])
    expect(r.stderr).toMatch(/4 sign in with their old password; 1 need a reset/)
    expect(t.emu.store.users.size).toBe(5)
    const ann = byExternalId(t.emu, 'auth0|60425dc43519d90068f82973')
    expect(emails(ann)).toEqual([['ann.lee@example.com', 'verified']])
    expect(phones(ann)).toEqual([['+15551230001', 'verified']])
    expect([ann.first_name, ann.last_name]).toEqual(['Ann', 'Lee'])
    expect(ann.public_metadata).toEqual({theme: 'dark'})
    expect(ann.private_metadata).toEqual({plan: 'pro', roles: ['admin']})
    expect(new Date(ann.created_at).toISOString()).toBe('2021-03-05T16:32:04.516Z')
    await expectPassword(t.emu, ann, 'Ann-correct-horse-1')
    const bob = byExternalId(t.emu, 'auth0|60425dc43519d90068f82974')
    expect(emails(bob)).toEqual([['bob.stone@example.com', 'reserved']])
    expect([bob.first_name, bob.last_name]).toEqual(['Bob', 'Stone'])
    await expectPassword(t.emu, bob, 'Bob-battery-staple-2')
    const carol = byExternalId(t.emu, 'google-oauth2|109876543210987654321')
    expect(carol.password_enabled).toBe(false)
    expect(carol.private_metadata).toEqual({plan: 'free'})
    const dave = byExternalId(t.emu, 'auth0|euclid') // joined through alt_id
    expect(dave.username).toBe('dave_ruiz')
    await expectPassword(t.emu, dave, 'Dave-legacy-db-3')
    const erin = byExternalId(t.emu, 'auth0|60425dc43519d90068f82976')
    expect(erin.banned).toBe(true)
    await expectPassword(t.emu, erin, 'Erin-blocked-4')
    const map = readFileSync(idMap, 'utf8').trim().split('\n')
    expect(map[0]).toBe('source_id,clerk_id,status')
    expect(map).toContain(`auth0|euclid,${dave.id},created`)
    expect(statSync(idMap).mode & 0o777).toBe(0o600)
  })

  it('firebase: auth:export JSON with the console hash parameters -> scrypt_firebase digests that verify', async () => {
    const users = fixture('firebase-users.json')
    const r = await t.ok(['users', 'import', users, '--from', 'firebase', '--hash-config', HASH_CONFIG_FILE, '--yes'])
    expect(r.stderr).not.toContain(HASH_CONFIG.base64_signer_key)
    expect(readFileSync(`${users}.journal`, 'utf8')).not.toContain(HASH_CONFIG.base64_signer_key)
    expect(t.emu.store.users.size).toBe(4)
    const fay = byExternalId(t.emu, 'Jq3XbV1kYvT9mWcR2sLpH7dNfE42')
    expect(emails(fay)).toEqual([['fay.wong@example.com', 'verified']])
    expect([fay.first_name, fay.last_name]).toEqual(['Fay', 'Wong'])
    expect(fay.public_metadata).toEqual({role: 'editor', team: 'blue'})
    expect(fay.created_at).toBe(1609459200000)
    await expectPassword(t.emu, fay, 'Fay-scrypt-pass-1')
    const gil = byExternalId(t.emu, 'Zt8QwE5rTyU3iOpA6sDfG9hJkL11')
    expect(emails(gil)).toEqual([['gil.ross@example.com', 'reserved']])
    expect([gil.first_name, gil.last_name]).toEqual(['Gil', null])
    await expectPassword(t.emu, gil, 'Gil-unverified-2')
    const phoneOnly = byExternalId(t.emu, 'Pn4MbV7cXz2LkJhG5fDsA8qWeR33')
    expect(phones(phoneOnly)).toEqual([['+15551230002', 'verified']])
    expect(phoneOnly.password_enabled).toBe(false)
    const hal = byExternalId(t.emu, 'Dk2LsA9pQo1WiE4uRyT7xZcV6n55')
    expect(hal.banned).toBe(true)
    await expectPassword(t.emu, hal, 'Hal-disabled-4')
  })

  it("firebase: firebase-tools' own flag names work as --hash-config does; a missing parameter is exit 2", async () => {
    const users = fixture('firebase-users.json')
    const flags = ['--hash-key', HASH_CONFIG.base64_signer_key, '--salt-separator', 'Bw==', '--rounds', '8']
    const bad = await t.usage(['users', 'import', users, '--from', 'firebase', ...flags, '--yes'])
    expect(bad.stderr).toMatch(/mem_cost/)
    await t.ok(['users', 'import', users, '--from', 'firebase', ...flags, '--mem-cost', '14', '--yes'])
    await expectPassword(t.emu, byExternalId(t.emu, 'Jq3XbV1kYvT9mWcR2sLpH7dNfE42'), 'Fay-scrypt-pass-1')
  })

  it('supabase: auth.users rows (CSV): bcrypt kept, unconfirmed reserved, a foreign digest reported dropped', async () => {
    const users = fixture('supabase-users.csv')
    const report = join(users, '..', 'report.ndjson')
    const r = await t.ok(['users', 'import', users, '--from', 'supabase', '--yes', '--report', report])
    expect(r.stderr).toMatch(/password dropped \(1\): encrypted_password is neither bcrypt nor argon2 \(row 4\)/)
    const gus = byExternalId(t.emu, '2b1f8c3e-7d4a-4e9b-9c1d-5a6e7f8b9c01')
    expect([gus.first_name, gus.last_name]).toEqual(['Gus', 'Grant'])
    expect(gus.public_metadata).toEqual({full_name: 'Gus Grant', avatar_url: 'https://example.com/gus.png'})
    expect(gus.private_metadata).toEqual({provider: 'email', providers: ['email']})
    await expectPassword(t.emu, gus, 'Gus-supabase-1')
    const ivy = byExternalId(t.emu, '3c2a9d4f-8e5b-4fa0-8d2e-6b7f8a9b0c02')
    expect(emails(ivy)).toEqual([['ivy.hart@example.com', 'reserved']])
    expect(phones(ivy)).toEqual([['+15551230003', 'verified']])
    await expectPassword(t.emu, ivy, 'Ivy-unconfirmed-2')
    const jon = byExternalId(t.emu, '4d3b0e5a-9f6c-40b1-9e3f-7c8a9b0c1d03')
    expect([jon.first_name, jon.last_name, jon.password_enabled]).toEqual(['Jon', 'Kent', false])
    const kim = byExternalId(t.emu, '5e4c1f6b-a07d-41c2-af40-8d9b0c1d2e04')
    expect(kim.password_enabled).toBe(false)
    const lines = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.find((l) => l.row === 4).message).toBe(
      'created; password dropped: encrypted_password is neither bcrypt nor argon2',
    )
  })

  it('clerk: the Dashboard CSV (dev -> prod): digests keep their hasher, TOTP kept, old id becomes external_id', async () => {
    const users = fixture('clerk-users.csv')
    await t.ok(['users', 'import', users, '--from', 'clerk', '--yes'])
    const lia = byExternalId(t.emu, 'user_2YDryYFVMM1W1plDDKz7Gzf4we6')
    expect([lia.username, lia.first_name, lia.totp_enabled]).toEqual(['lia_novak', 'Lia', true])
    await expectPassword(t.emu, lia, 'Lia-clerk-dev-1')
    await expectPassword(t.emu, byExternalId(t.emu, 'user_2ZZCgLE7kJG2CRBxTZ6YUIvzS10'), 'Max-django-era-2')
    const nia = byExternalId(t.emu, 'user_2cWszPHuo6P2lCdnhhZbVMfbAIC')
    expect(emails(nia)).toEqual([
      ['nia.park@example.com', 'verified'],
      ['nia.old@example.com', 'reserved'],
    ])
    await expectPassword(t.emu, nia, 'Nia-legacy-sha-3')
    const oz = byExternalId(t.emu, 'user_2cukOsyNsh0J3MCEvrgM6PkoB0I')
    expect([phones(oz), oz.username, oz.password_enabled]).toEqual([[['+15551230004', 'verified']], 'oz_quinn', false])
  })

  it('readiness: duplicates across rows and identifiers held by other users are invalid; nothing is sent', async () => {
    const users = fixture('clerk-users.csv')
    const text = readFileSync(users, 'utf8').trim().split('\n')
    // row 5 repeats row 1's email under another id
    text.push('user_dup000000000000000000000,Dup,Licate,,lia.novak@example.com,,lia.novak@example.com,,,,,,')
    writeFileSync(users, `${text.join('\n')}\n`)
    // someone on the instance already holds Max's email
    await t.ok(['users', 'create', '--email', 'max.orr@example.com'])
    const since = t.mark()
    const r = await t.usage(['users', 'import', users, '--from', 'clerk', '--validate-only'])
    expect(r.stderr).toMatch(/row 5: email lia\.novak@example\.com is also in row 1/)
    expect(r.stderr).toMatch(/row 2: email max\.orr@example\.com is taken by user_\w+ on the instance/)
    expect(r.stderr).toMatch(/3 sign in with their old password; 2 need a reset/)
    expect(since().filter((q) => q.method !== 'GET')).toEqual([])
    const run = await t.usage(['users', 'import', users, '--from', 'clerk', '--yes'])
    expect(run.stderr).toMatch(/2 of 5 rows are invalid; nothing was sent/)
    expect(t.emu.store.users.size).toBe(1)
  })

  it("readiness: a development instance's user cap stops the run before anything is sent; the emulator enforces it too", async () => {
    t.seedUsers(98)
    const users = fixture('clerk-users.csv')
    const r = await t.usage(['users', 'import', users, '--from', 'clerk', '--yes'])
    expect(r.stderr).toMatch(/user cap: +98 \+ 4 to create, of 100 \(development instance\)/)
    expect(r.stderr).toMatch(/not ready: a development instance holds at most 100 users; this run would make it 102/)
    expect(t.emu.store.users.size).toBe(98)
    // told the cap is higher, the run goes ahead and meets the instance's real one (403 user_quota_exceeded)
    await fetch(`${t.emu.url}/__emulator/user-cap`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${t.emu.secretKey}`},
      body: JSON.stringify({max: 100}),
    })
    const report = join(users, '..', 'r.ndjson')
    const over = await t.fails(5, [
      'users',
      'import',
      users,
      '--from',
      'clerk',
      '--dev-user-cap',
      '500',
      '--yes',
      '--report',
      report,
    ])
    expect(over.stderr).toMatch(/2 failed of 4 rows/)
    const failed = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => l.status === 'failed')
    expect(failed.map((l) => l.code)).toEqual(['user_quota_exceeded', 'user_quota_exceeded'])
    expect(t.emu.store.users.size).toBe(100)
  })

  it('undo deletes only what the import created: not pre-existing users, not users who signed in since (unless --include-signed-in)', async () => {
    const users = fixture('clerk-users.csv')
    // Lia was already on the instance: the import skips her, and undo must leave her alone
    await t.ok(['users', 'create', '--email', 'someone@example.com'])
    const lia = t.emu.store.users.values()[0]
    t.emu.store.users.set({...lia, external_id: 'user_2YDryYFVMM1W1plDDKz7Gzf4we6'})
    await t.ok(['users', 'import', users, '--from', 'clerk', '--yes'])
    expect(t.emu.store.users.size).toBe(4)
    const journal = `${users}.journal`
    const max = byExternalId(t.emu, 'user_2ZZCgLE7kJG2CRBxTZ6YUIvzS10')
    t.emu.store.users.set({...max, last_sign_in_at: Date.now() + 1000})
    const since = t.mark()
    const dry = await t.ok(['users', 'import', '--undo', journal, '--dry-run'])
    expect(dry.stderr).toMatch(/rows: +3 \(3 valid\)/)
    expect(dry.stderr).toMatch(/signed in since: +1 /)
    expect(since().filter((q) => q.method !== 'GET')).toEqual([])
    const r = await t.fails(5, ['users', 'import', '--undo', journal, '--yes'])
    expect(r.stderr).toMatch(/1 failed of 3 rows/)
    expect(
      t.emu.store.users
        .values()
        .map((u) => u.external_id)
        .sort(),
    ).toEqual(['user_2YDryYFVMM1W1plDDKz7Gzf4we6', 'user_2ZZCgLE7kJG2CRBxTZ6YUIvzS10'])
    await t.ok(['users', 'import', '--undo', journal, '--yes', '--resume', '--retry-failed', '--include-signed-in'])
    expect(t.emu.store.users.values().map((u) => u.external_id)).toEqual(['user_2YDryYFVMM1W1plDDKz7Gzf4we6'])
  })
})
