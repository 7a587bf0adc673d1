/**
 * One flag vocabulary (docs/DESIGN.md): a flag that names the user is not mistaken for one that sets a
 * value, old spellings still work as hidden aliases, and a profile overridden by the environment says so.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

describe('one flag vocabulary', () => {
  it('users update USER_ID --external-id says it names the user and how to set it, sending nothing', async () => {
    const u = await t.json(['users', 'create', '--email', 'vocab@example.com'])
    const since = t.mark()
    const r = await t.usage(['users', 'update', u.id, '--external-id', 'crm-1'])
    expect(r.stderr).toMatch(/^Error: --external-id names the user to update/m)
    expect(r.stderr).toContain(`Hint: to set the external id: clerk users update ${u.id} --set-external-id crm-1`)
    expect(since()).toEqual([])
    const set = await t.json(['users', 'update', u.id, '--set-external-id', 'crm-1'])
    expect(set.external_id).toBe('crm-1')
  })

  it('metadata flags take both spellings: --public-metadata and --public, in create and metadata', async () => {
    const a = await t.json(['users', 'create', '--email', 'meta-a@example.com', '--public', '{"plan":"pro"}'])
    expect(a.public_metadata).toEqual({plan: 'pro'})
    await t.json(['users', 'metadata', a.id, '--public-metadata', '{"seats":3}'])
    const after = await t.json(['users', 'get', a.id])
    expect(after.public_metadata).toEqual({plan: 'pro', seats: 3})
    const org = await t.json(['orgs', 'create', '--name', 'Vocab', '--public', '{"tier":"gold"}'])
    expect(org.public_metadata).toEqual({tier: 'gold'})
  })

  it('-f is --raw-field in clerk api only; as --file it is a hidden alias (not in help, still works)', async () => {
    const help = await t.ok(['orgs', 'invite', '--help'])
    expect(help.stdout).not.toMatch(/-f, --file/)
    expect(help.stdout).toMatch(/--file=<value>/)
    const api = await t.ok(['api', '--help'])
    expect(api.stdout).toMatch(/-f, --raw-field/)
    const org = await t.json(['orgs', 'create', '--name', 'Alias Org'])
    const d = mkdtempSync(join(tmpdir(), 'clerk-vocab-'))
    const file = join(d, 'people.csv')
    writeFileSync(file, 'email\nalias-1@example.com\n')
    const r = await t.ok(['orgs', 'invite', org.id, '-f', file, '--yes', '-o', 'ndjson'])
    expect(JSON.parse(r.stdout.trim())).toMatchObject({key: 'alias-1@example.com', status: 'ok'})
  })
})

describe('a profile overridden by the environment says so', () => {
  it('once on stderr, and in whoami', async () => {
    const cfg = mkdtempSync(join(tmpdir(), 'clerk-cfg-'))
    const own = {CLERK_ADMIN_CONFIG_DIR: cfg, CLERK_API_URL: undefined, CLERK_SECRET_KEY: undefined}
    await t.ok(['config', 'set', 'secret-key', '--profile', 'other'], {env: own, input: t.emu.secretKey})
    await t.ok(['config', 'set', 'api-url', t.emu.url, '--profile', 'other'], {env: own})
    await t.ok(['config', 'use', 'other'], {env: own})
    // the profile alone: no notice
    const quiet = await t.ok(['users', 'list'], {env: own})
    expect(quiet.stderr).not.toMatch(/overrides/)
    // the environment's key beats the chosen profile's: said once
    const env = {...own, CLERK_SECRET_KEY: 'sk_test_fromtheenvironment0000'}
    const loud = await t.run(['users', 'list'], {env})
    const notices = loud.stderr.match(
      /^Warning: the environment overrides profile other: CLERK_SECRET_KEY over secret-key/gm,
    )
    expect(notices, loud.stderr).toHaveLength(1)
    const who = await t.run(['whoami', '-o', 'json'], {env})
    expect(JSON.parse(who.stdout)).toMatchObject({
      profile: 'other',
      env_overrides: ['CLERK_SECRET_KEY over secret-key'],
    })
    const table = await t.run(['whoami'], {env})
    expect(table.stdout).toMatch(/ENV OVERRIDES\s*│\s*CLERK_SECRET_KEY over secret-key/)
  })
})
