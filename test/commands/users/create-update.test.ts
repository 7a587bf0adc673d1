import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

const sent = (from: number) => t.emu.requests.slice(from).filter((r) => r.method !== 'GET')

describe('clerk users create', () => {
  it('sends every flag in BAPI form and prints the new user (-o json)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'create-'))
    writeFileSync(join(dir, 'private.json'), '{"crm":{"id":42}}')
    const r = await t.run([
      'users',
      'create',
      '--email',
      'ada@example.com',
      '--email',
      'ada2@example.com',
      '--phone',
      '+15555550100',
      '--username',
      'ada_l',
      '--first-name',
      'Ada',
      '--last-name',
      'Lovelace',
      '--external-id',
      'crm-42',
      '--password',
      'short',
      '--skip-password-checks',
      '--public-metadata',
      '{"plan":"pro"}',
      '--private-metadata',
      `@${join(dir, 'private.json')}`,
      '--unsafe-metadata',
      '{"theme":"dark"}',
      '-o',
      'json',
    ])
    expect(r.code, r.stderr).toBe(0)
    const user = JSON.parse(r.stdout)
    expect(user).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      username: 'ada_l',
      external_id: 'crm-42',
      password_enabled: true,
      public_metadata: {plan: 'pro'},
      private_metadata: {crm: {id: 42}},
      unsafe_metadata: {theme: 'dark'},
    })
    expect(user.email_addresses.map((e: {email_address: string}) => e.email_address)).toEqual([
      'ada@example.com',
      'ada2@example.com',
    ])
    expect(user.phone_numbers[0].phone_number).toBe('+15555550100')
    expect(t.emu.store.users.get(user.id)).toBeDefined()
  })

  it('--password-stdin reads the password from a pipe; --password-digest needs --password-hasher', async () => {
    const r = await t.run(['users', 'create', '--email', 'pw@example.com', '--password-stdin', '-o', 'json'], {
      input: 'a-long-password\n',
    })
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).password_enabled).toBe(true)
    const digest = await t.run([
      'users',
      'create',
      '--email',
      'dg@example.com',
      '--password-digest',
      '$2a$10$abcdefghijklmnopqrstuu',
      '--password-hasher',
      'bcrypt',
      '-o',
      'json',
    ])
    expect(digest.code, digest.stderr).toBe(0)
    expect(JSON.parse(digest.stdout).password_enabled).toBe(true)
    const before = t.emu.requests.length
    const noHasher = await t.run(['users', 'create', '--email', 'nh@example.com', '--password-digest', 'x'])
    expect(noHasher.code).toBe(2)
    expect(noHasher.stderr).toMatch(/--password-digest needs --password-hasher/)
    expect(t.emu.requests.length).toBe(before)
  })

  it('an invalid email is the API 422 message on one line, exit 1', async () => {
    const r = await t.run(['users', 'create', '--email', 'not-an-email'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^Error: email_address must be a valid email address\. \(HTTP 422 form_param_format_invalid, trace [0-9a-f]+\)$/,
    )
  })

  it('a short password and a taken email: the API messages', async () => {
    const short = await t.run(['users', 'create', '--email', 'short@example.com', '--password', 'abc'])
    expect(short.code).toBe(1)
    expect(short.stderr).toMatch(/Passwords must be 8 characters or more/)
    const taken = await t.run(['users', 'create', '--email', 'ada@example.com'])
    expect(taken.code).toBe(1)
    expect(taken.stderr).toMatch(/That email address is taken/)
  })

  it('without an identifier and no terminal: exit 2 naming the flag, nothing sent; bad metadata JSON likewise', async () => {
    const before = t.emu.requests.length
    const r = await t.run(['users', 'create', '--first-name', 'Nobody'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/missing --email/)
    const bad = await t.run(['users', 'create', '--email', 'bad@example.com', '--public-metadata', '{oops'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--public-metadata is not valid JSON/)
    expect(t.emu.requests.length).toBe(before)
  })

  it.each(['table', 'csv', 'ndjson'])('-o %s', async (format) => {
    const r = await t.run(['users', 'create', '--email', `fmt-${format}@example.com`, '-o', format])
    expect(r.code, r.stderr).toBe(0)
    if (format === 'table') expect(r.stdout).toMatch(/EMAIL.*fmt-table@example\.com/s)
    if (format === 'csv') expect(r.stdout.split(/\r?\n/)[0]).toBe('id,email,name,username,external_id,banned,locked')
    if (format === 'ndjson')
      expect(JSON.parse(r.stdout).email_addresses[0].email_address).toBe('fmt-ndjson@example.com')
  })
})

describe('clerk users update', () => {
  it('sends only the fields given; by id, --email or --external-id', async () => {
    const id = t.emu.store.users.values().find((u) => u.external_id === 'crm-42')!.id
    const from = t.emu.requests.length
    const r = await t.run(['users', 'update', id, '--first-name', 'Augusta', '--username', 'augusta', '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({id, first_name: 'Augusta', last_name: 'Lovelace', username: 'augusta'})
    expect(sent(from)).toHaveLength(1)
    const byEmail = await t.run(['users', 'update', '--email', 'ada@example.com', '--last-name', 'King', '-o', 'json'])
    expect(JSON.parse(byEmail.stdout).last_name).toBe('King')
    const byExt = await t.run([
      'users',
      'update',
      '--external-id',
      'crm-42',
      '--set-external-id',
      'crm-43',
      '--locale',
      'en-GB',
      '-o',
      'json',
    ])
    expect(byExt.code, byExt.stderr).toBe(0)
    expect(JSON.parse(byExt.stdout)).toMatchObject({external_id: 'crm-43', locale: 'en-GB'})
    const patch = t.emu.requests.filter((q) => q.method === 'PATCH').at(-1)
    expect(patch?.path).toBe(`/v1/users/${id}`)
  })

  it('nothing to update: exit 2, nothing sent; a missing user: exit 1 with the API message', async () => {
    const before = t.emu.requests.length
    const none = await t.run(['users', 'update', 'user_x'])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/nothing to update/)
    expect(t.emu.requests.length).toBe(before)
    const missing = await t.run(['users', 'update', 'user_missing', '--first-name', 'X'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^Error: No user was found with id user_missing \(HTTP 404 resource_not_found/)
  })
})
