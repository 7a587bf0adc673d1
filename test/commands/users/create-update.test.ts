import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {emulatorEnv, runCli} from '../../helpers/cli.js'
import {startTestEmulator, type TestEmulator} from '../../helpers/emulator.js'

let emu: TestEmulator
let env: Record<string, string>
beforeAll(async () => {
  emu = await startTestEmulator({rateLimit: 'off'})
  env = emulatorEnv(emu)
})
afterAll(async () => {
  emu.assertResponsesMatchSpec()
  await emu.stop()
})

const sent = (from: number) => emu.requests.slice(from).filter((r) => r.method !== 'GET')

describe('clerk users create', () => {
  it('sends every flag in BAPI form and prints the new user (-o json)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'create-'))
    writeFileSync(join(dir, 'private.json'), '{"crm":{"id":42}}')
    const r = await runCli(
      [
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
      ],
      {env},
    )
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
    expect(emu.store.users.get(user.id)).toBeDefined()
  })

  it('--password-stdin reads the password from a pipe; --password-digest needs --password-hasher', async () => {
    const r = await runCli(['users', 'create', '--email', 'pw@example.com', '--password-stdin', '-o', 'json'], {
      env,
      input: 'a-long-password\n',
    })
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).password_enabled).toBe(true)
    const digest = await runCli(
      [
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
      ],
      {env},
    )
    expect(digest.code, digest.stderr).toBe(0)
    expect(JSON.parse(digest.stdout).password_enabled).toBe(true)
    const before = emu.requests.length
    const noHasher = await runCli(['users', 'create', '--email', 'nh@example.com', '--password-digest', 'x'], {env})
    expect(noHasher.code).toBe(2)
    expect(noHasher.stderr).toMatch(/--password-digest needs --password-hasher/)
    expect(emu.requests.length).toBe(before)
  })

  it('an invalid email is the API 422 message on one line, exit 1', async () => {
    const r = await runCli(['users', 'create', '--email', 'not-an-email'], {env})
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^Error: email_address must be a valid email address\. \(HTTP 422 form_param_format_invalid, trace [0-9a-f]+\)$/,
    )
  })

  it('a short password and a taken email: the API messages', async () => {
    const short = await runCli(['users', 'create', '--email', 'short@example.com', '--password', 'abc'], {env})
    expect(short.code).toBe(1)
    expect(short.stderr).toMatch(/Passwords must be 8 characters or more/)
    const taken = await runCli(['users', 'create', '--email', 'ada@example.com'], {env})
    expect(taken.code).toBe(1)
    expect(taken.stderr).toMatch(/That email address is taken/)
  })

  it('without an identifier and no terminal: exit 2 naming the flag, nothing sent; bad metadata JSON likewise', async () => {
    const before = emu.requests.length
    const r = await runCli(['users', 'create', '--first-name', 'Nobody'], {env})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/missing --email/)
    const bad = await runCli(['users', 'create', '--email', 'bad@example.com', '--public-metadata', '{oops'], {env})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--public-metadata is not valid JSON/)
    expect(emu.requests.length).toBe(before)
  })

  it.each(['table', 'csv', 'ndjson'])('-o %s', async (format) => {
    const r = await runCli(['users', 'create', '--email', `fmt-${format}@example.com`, '-o', format], {env})
    expect(r.code, r.stderr).toBe(0)
    if (format === 'table') expect(r.stdout).toMatch(/EMAIL.*fmt-table@example\.com/s)
    if (format === 'csv') expect(r.stdout.split(/\r?\n/)[0]).toBe('id,email,name,username,external_id,banned,locked')
    if (format === 'ndjson')
      expect(JSON.parse(r.stdout).email_addresses[0].email_address).toBe('fmt-ndjson@example.com')
  })
})

describe('clerk users update', () => {
  it('sends only the fields given; by id, --email or --external-id', async () => {
    const id = emu.store.users.values().find((u) => u.external_id === 'crm-42')!.id
    const from = emu.requests.length
    const r = await runCli(['users', 'update', id, '--first-name', 'Augusta', '--username', 'augusta', '-o', 'json'], {
      env,
    })
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({id, first_name: 'Augusta', last_name: 'Lovelace', username: 'augusta'})
    expect(sent(from)).toHaveLength(1)
    const byEmail = await runCli(
      ['users', 'update', '--email', 'ada@example.com', '--last-name', 'King', '-o', 'json'],
      {env},
    )
    expect(JSON.parse(byEmail.stdout).last_name).toBe('King')
    const byExt = await runCli(
      ['users', 'update', '--external-id', 'crm-42', '--set-external-id', 'crm-43', '--locale', 'en-GB', '-o', 'json'],
      {env},
    )
    expect(byExt.code, byExt.stderr).toBe(0)
    expect(JSON.parse(byExt.stdout)).toMatchObject({external_id: 'crm-43', locale: 'en-GB'})
    const patch = emu.requests.filter((q) => q.method === 'PATCH').at(-1)
    expect(patch?.path).toBe(`/v1/users/${id}`)
  })

  it('nothing to update: exit 2, nothing sent; a missing user: exit 1 with the API message', async () => {
    const before = emu.requests.length
    const none = await runCli(['users', 'update', 'user_x'], {env})
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/nothing to update/)
    expect(emu.requests.length).toBe(before)
    const missing = await runCli(['users', 'update', 'user_missing', '--first-name', 'X'], {env})
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^Error: no user with id user_missing \(HTTP 404 resource_not_found/)
  })
})
