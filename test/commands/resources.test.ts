/** The smaller resource commands end to end against the emulator (responses spec-validated); independent, so concurrent. */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
let userId: string
beforeAll(() => {
  userId = t.seedUsers(2)[0].id as string
})

describe.concurrent.each(['allowlist', 'blocklist'] as const)('clerk %s', (kind) => {
  it('add, list (table and json), remove by identifier or id (needs --yes without a terminal)', async () => {
    const a = await t.json([kind, 'add', `one@${kind}.example`, ...(kind === 'allowlist' ? ['--notify'] : [])])
    expect(a.identifier_type).toBe('email_address')
    expect(Boolean(a.invitation_id)).toBe(kind === 'allowlist') // the emulator invites when notify is sent
    await t.json([kind, 'add', '+15555550199'])
    const table = await t.run([kind, 'list'])
    expect(table.stdout).toMatch(new RegExp(`${a.id}\\s+one@${kind}\\.example\\s+email_address`))
    expect(await t.json([kind, 'list'])).toHaveLength(2)
    expect(await t.json([kind, 'list', '--limit', '1'])).toHaveLength(1)
    const dup = await t.run([kind, 'add', `ONE@${kind}.example`])
    expect(dup.code).toBe(1)
    expect(dup.stderr).toMatch(/HTTP 400 duplicate_record/) // Clerk: DuplicateAllowlistIdentifier
    const noYes = await t.run([kind, 'remove', `one@${kind}.example`])
    expect(noYes.code).toBe(2)
    expect(noYes.stderr).toMatch(/--yes/)
    expect(await t.json([kind, 'remove', `one@${kind}.example`, '--yes'])).toEqual({
      object: `${kind}_identifier`,
      id: a.id,
      deleted: true,
    })
    const rest = await t.json([kind, 'list'])
    expect((await t.json([kind, 'remove', rest[0].id, '--yes'])).deleted).toBe(true)
    expect((await t.run([kind, 'remove', 'gone@example.com', '--yes'])).code).toBe(2)
  })
})

describe.concurrent('clerk jwt-templates', () => {
  it('create (claims inline and @file), list, get, update (keeps name and claims), delete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clerk-jwt-'))
    writeFileSync(join(dir, 'claims.json'), '{"org": "{{org.id}}"}')
    const tpl = await t.json([
      'jwt-templates',
      'create',
      '--name',
      'hasura',
      '--claims',
      '{"role":"user"}',
      '--lifetime',
      '300',
    ])
    expect(tpl).toMatchObject({object: 'jwt_template', name: 'hasura', claims: {role: 'user'}, lifetime: 300})
    await t.json(['jwt-templates', 'create', '--name', 'second', '--claims', `@${join(dir, 'claims.json')}`])
    expect((await t.json(['jwt-templates', 'list'])).map((x: {name: string}) => x.name).sort()).toEqual([
      'hasura',
      'second',
    ])
    expect((await t.json(['jwt-templates', 'get', tpl.id])).id).toBe(tpl.id)
    const u = await t.json(['jwt-templates', 'update', tpl.id, '--clock-skew', '10'])
    expect(u).toMatchObject({name: 'hasura', claims: {role: 'user'}, lifetime: 300, allowed_clock_skew: 10})
    expect((await t.run(['jwt-templates', 'update', tpl.id])).code).toBe(2)
    expect((await t.run(['jwt-templates', 'create', '--name', 'x', '--claims', '{oops'])).code).toBe(2)
    const table = await t.run(['jwt-templates', 'get', tpl.id])
    expect(table.stdout).toMatch(/CLAIMS\s.*"role":"user"/)
    expect((await t.json(['jwt-templates', 'delete', tpl.id, '--yes'])).deleted).toBe(true)
    expect((await t.run(['jwt-templates', 'get', tpl.id])).code).toBe(1)
  })
})

describe.concurrent('clerk redirect-urls and domains', () => {
  it('create, list, delete redirect URLs; list domains', async () => {
    const r = await t.json(['redirect-urls', 'create', 'myapp://callback'])
    expect(r.url).toBe('myapp://callback')
    expect((await t.json(['redirect-urls', 'list'])).map((x: {id: string}) => x.id)).toContain(r.id)
    expect((await t.run(['redirect-urls', 'create', 'not a url'])).code).toBe(1)
    const del = await t.run(['redirect-urls', 'delete', r.id, '--yes'])
    expect(del.code).toBe(0)
    expect(del.stderr).toMatch(`Deleted redirect_url ${r.id}`)
    const domains = await t.run(['domains', 'list', '--wide'])
    expect(domains.stdout).toMatch(/emulator\.clerk\.localhost\s+false\s+https:\/\/clerk\.emulator\.clerk\.localhost/)
  })
})

describe.concurrent('clerk actor-tokens, sign-in-tokens, testing-tokens', () => {
  it('creates an actor token (plain id or JSON actor) and revokes it; a second revoke is exit 1', async () => {
    const tok = await t.json([
      'actor-tokens',
      'create',
      '--user',
      userId,
      '--actor',
      'user_admin',
      '--expires-in',
      '600',
    ])
    expect(tok).toMatchObject({object: 'actor_token', status: 'pending', user_id: userId, actor: {sub: 'user_admin'}})
    const j = await t.json([
      'actor-tokens',
      'create',
      '--user',
      userId,
      '--actor',
      '{"sub":"user_admin","reason":"support"}',
    ])
    expect(j.actor).toEqual({sub: 'user_admin', reason: 'support'})
    expect((await t.run(['actor-tokens', 'create', '--user', userId, '--actor', '{"reason":1}'])).code).toBe(2)
    const table = await t.run(['actor-tokens', 'create', '--user', userId, '--actor', 'user_admin'])
    expect(table.stdout).toMatch(/URL\s+.*https:\/\/.*ticket=/)
    expect((await t.json(['actor-tokens', 'revoke', tok.id, '--yes'])).status).toBe('revoked')
    const again = await t.run(['actor-tokens', 'revoke', tok.id, '--yes'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/HTTP 400/)
  })

  it('creates and revokes a sign-in token; an unknown user is exit 1 (404)', async () => {
    const tok = await t.json(['sign-in-tokens', 'create', '--user', userId])
    expect(tok).toMatchObject({object: 'sign_in_token', status: 'pending'})
    expect((await t.json(['sign-in-tokens', 'revoke', tok.id, '--yes'])).status).toBe('revoked')
    expect((await t.run(['sign-in-tokens', 'create', '--user', 'user_nobody'])).code).toBe(1)
  })

  it('creates a testing token: just the token when piped, the object with -o json', async () => {
    const piped = await t.run(['testing-tokens', 'create'])
    expect(piped.stdout).toMatch(/^\d+-\w+\n$/)
    expect((await t.json(['testing-tokens', 'create'])).object).toBe('testing_token')
  })
})

describe.concurrent('clerk waitlist', () => {
  it('lists with filters and ordering, invites and rejects', async () => {
    for (const e of ['c@wait.example', 'a@wait.example', 'b@wait.example'])
      await t.run(['api', 'POST', '/waitlist_entries', '-f', `email_address=${e}`])
    const all = await t.json(['waitlist', 'list', '--order-by', '+email_address'])
    expect(all.map((e: {email_address: string}) => e.email_address)).toEqual([
      'a@wait.example',
      'b@wait.example',
      'c@wait.example',
    ])
    const inv = await t.json(['waitlist', 'invite', all[0].id])
    expect(inv.status).toBe('invited')
    expect(inv.invitation.email_address).toBe('a@wait.example')
    expect((await t.json(['waitlist', 'reject', all[1].id, '--yes'])).status).toBe('rejected')
    expect((await t.json(['waitlist', 'list', '--status', 'pending'])).map((e: {id: string}) => e.id)).toEqual([
      all[2].id,
    ])
    expect((await t.json(['waitlist', 'list', '--query', 'b@wait'])).map((e: {id: string}) => e.id)).toEqual([
      all[1].id,
    ])
    const csv = await t.run([
      'waitlist',
      'list',
      '-o',
      'csv',
      '--columns',
      'email,status',
      '--order-by',
      '+email_address',
    ])
    expect(csv.stdout).toBe('email,status\na@wait.example,invited\nb@wait.example,rejected\nc@wait.example,pending\n')
    expect((await t.run(['waitlist', 'list', '--status', 'bogus'])).code).toBe(2)
  })
})
