/** users metadata: RFC 7386 merge (PATCH) or --replace (PUT), the diff, --dry-run sending nothing (checked in the emulator log). */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {emulatorEnv, runCli} from '../../helpers/cli.js'
import {startTestEmulator, type TestEmulator} from '../../helpers/emulator.js'

let emu: TestEmulator
let env: Record<string, string>
let id: string
const writes = (from: number) =>
  emu.requests
    .slice(from)
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path}`)

beforeAll(async () => {
  emu = await startTestEmulator({rateLimit: 'off'})
  env = emulatorEnv(emu)
  id = (
    await emu.request('POST', '/v1/users', {
      email_address: ['meta@example.com'],
      public_metadata: {plan: 'free', limits: {seats: 3, projects: 1}},
      private_metadata: {crm: 'a'},
    })
  ).body.id
})
afterAll(async () => {
  emu.assertResponsesMatchSpec()
  await emu.stop()
})

describe('clerk users metadata', () => {
  it('--dry-run shows the diff and sends nothing', async () => {
    const from = emu.requests.length
    const r = await runCli(
      [
        'users',
        'metadata',
        id,
        '--public',
        '{"plan":"pro","limits":{"seats":10,"projects":null},"beta":true}',
        '--dry-run',
      ],
      {env},
    )
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      '+ public_metadata.beta: true',
      '- public_metadata.limits.projects: 1',
      '~ public_metadata.limits.seats: 3 -> 10',
      '~ public_metadata.plan: "free" -> "pro"',
    ])
    expect(r.stderr).toMatch(/dry run: 4 change\(s\) to user_\w+, nothing sent/)
    expect(emu.requests.slice(from).map((q) => `${q.method} ${q.path}`)).toEqual([`GET /v1/users/${id}`])
    expect(emu.store.users.get(id)?.public_metadata).toEqual({plan: 'free', limits: {seats: 3, projects: 1}})
  })

  it('merge: PATCH with just the patch; the result is the RFC 7386 merge; -o json lists the changes', async () => {
    const from = emu.requests.length
    const r = await runCli(
      [
        'users',
        'metadata',
        id,
        '--public',
        '{"plan":"pro","limits":{"projects":null}}',
        '--private',
        '{"crm":"b"}',
        '-o',
        'json',
      ],
      {env},
    )
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([
      {field: 'public_metadata', path: 'public_metadata.limits.projects', change: 'removed', before: 1},
      {field: 'public_metadata', path: 'public_metadata.plan', change: 'changed', before: 'free', after: 'pro'},
      {field: 'private_metadata', path: 'private_metadata.crm', change: 'changed', before: 'a', after: 'b'},
    ])
    expect(writes(from)).toEqual([`PATCH /v1/users/${id}/metadata`])
    const user = emu.store.users.get(id)!
    expect(user.public_metadata).toEqual({plan: 'pro', limits: {seats: 3}})
    expect(user.private_metadata).toEqual({crm: 'b'})
    expect(r.stderr).toMatch(/updated user_\w+: 3 change\(s\)/)
  })

  it('nothing changes: no request is sent', async () => {
    const from = emu.requests.length
    const r = await runCli(['users', 'metadata', '--email', 'meta@example.com', '--public', '{"plan":"pro"}'], {env})
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/no changes to user_\w+; nothing sent/)
    expect(writes(from)).toEqual([])
    expect(emu.requests.length - from).toBe(1) // the email lookup already returned the user
  })

  it('--replace: PUT, the field replaced whole (from @file); -o csv / ndjson', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'meta-')), 'unsafe.json')
    writeFileSync(file, '{"theme":"dark"}')
    const args = [
      'users',
      'metadata',
      id,
      '--public',
      '{"plan":"team"}',
      '--unsafe',
      `@${file}`,
      '--replace',
      '-o',
      'csv',
    ]
    // --replace would drop public_metadata.limits: without a terminal that needs --yes, and nothing is written
    const refused = emu.requests.length
    const no = await runCli(args, {env})
    expect(no.code).toBe(2)
    expect(no.stderr).toMatch(/remove 1 metadata key\(s\) of user/)
    expect(no.stderr).toMatch(/--yes/)
    expect(writes(refused)).toEqual([])
    const from = emu.requests.length
    const r = await runCli([...args, '--yes'], {env})
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.split(/\r?\n/).slice(0, 4)).toEqual([
      'field,path,change,before,after',
      'public_metadata,public_metadata.limits,removed,"{""seats"":3}",',
      'public_metadata,public_metadata.plan,changed,"""pro""","""team"""',
      'unsafe_metadata,unsafe_metadata.theme,added,,"""dark"""',
    ])
    expect(writes(from)).toEqual([`PUT /v1/users/${id}/metadata`])
    expect(emu.store.users.get(id)?.public_metadata).toEqual({plan: 'team'})
    const nd = await runCli(['users', 'metadata', id, '--unsafe', '{"theme":null}', '-o', 'ndjson'], {env})
    expect(
      nd.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).change),
    ).toEqual(['removed'])
  })

  it('bad input is exit 2 before anything is sent; a missing user is exit 1 with the API message', async () => {
    const from = emu.requests.length
    for (const args of [['--public', '[1,2]'], ['--private', '{nope'], []]) {
      const r = await runCli(['users', 'metadata', id, ...args], {env})
      expect(r.code, args.join(' ')).toBe(2)
    }
    expect(emu.requests.length).toBe(from)
    const missing = await runCli(['users', 'metadata', 'user_missing', '--public', '{}'], {env})
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^Error: no user with id user_missing \(HTTP 404 resource_not_found/)
  })
})
