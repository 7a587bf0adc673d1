import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

let ada: {id: string}
let bob: {id: string}
beforeAll(async () => {
  ada = (
    await t.emu.request('POST', '/v1/users', {
      email_address: ['ada@acme.test'],
      first_name: 'Ada',
      skip_password_requirement: true,
    })
  ).body
  bob = (
    await t.emu.request('POST', '/v1/users', {
      email_address: ['bob@acme.test'],
      first_name: 'Bob',
      skip_password_requirement: true,
    })
  ).body
})

describe('clerk orgs', () => {
  it('create -> get by slug -> update -> list with member counts', async () => {
    const org = await t.json([
      'orgs',
      'create',
      '--name',
      'Acme Inc',
      '--slug',
      'acme',
      '--created-by',
      ada.id,
      '--public-metadata',
      '{"plan":"pro"}',
    ])
    expect(org).toMatchObject({object: 'organization', name: 'Acme Inc', slug: 'acme', public_metadata: {plan: 'pro'}})
    expect(await t.json(['orgs', 'get', 'acme'])).toMatchObject({id: org.id, members_count: 1})
    expect(await t.json(['orgs', 'update', 'acme', '--name', 'Acme Corp', '--max-members', '10'])).toMatchObject({
      name: 'Acme Corp',
      max_allowed_memberships: 10,
    })
    await t.json(['orgs', 'create', '--name', 'Globex'])
    const list = await t.json(['orgs', 'list', '--order-by', 'name'])
    expect(list.map((o: {name: string}) => o.name)).toEqual(['Acme Corp', 'Globex'])
    expect(list[0].members_count).toBe(1)
    const table = await t.run(['orgs', 'list'])
    expect(table.stdout).toMatch(/MEMBERS/)
    expect(table.stdout).toMatch(/acme/)
    const csv = await t.run(['orgs', 'list', '--all', '-o', 'csv', '--columns', 'slug,members'])
    expect(csv.stdout.trim().split(/\r?\n/).sort()).toEqual(['acme,1', 'globex,0', 'slug,members'])
    const q = await t.json(['orgs', 'list', '--query', 'glob'])
    expect(q).toHaveLength(1)
  })

  it('bad input is exit 2 with one line; unknown org is exit 1', async () => {
    const bad = await t.run(['orgs', 'create', '--name', 'X', '--public-metadata', '[1]'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--public-metadata must be a JSON object/)
    const missing = await t.run(['orgs', 'get', 'nope'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no organization with id or slug "nope"/)
    const noName = await t.run(['orgs', 'create'])
    expect(noName.code).toBe(2)
    expect(noName.stderr).toMatch(/missing --name/)
    const taken = await t.run(['orgs', 'create', '--name', 'Y', '--slug', 'acme'])
    expect(taken.code).toBe(1)
    expect(taken.stderr).toMatch(/slug is taken.*HTTP 422 form_identifier_exists/)
  })

  it('members add (by id and by email), list, set-role, remove', async () => {
    const added = await t.json(['orgs', 'members', 'add', 'acme', 'bob@acme.test'])
    expect(added).toMatchObject({role: 'org:member', public_user_data: {user_id: bob.id}})
    const members = await t.json(['orgs', 'members', 'list', 'acme', '--order-by', 'email_address'])
    expect(members.map((m: {public_user_data: {identifier: string}}) => m.public_user_data.identifier)).toEqual([
      'ada@acme.test',
      'bob@acme.test',
    ])
    const admins = await t.json(['orgs', 'members', 'list', 'acme', '--role', 'org:admin'])
    expect(admins).toHaveLength(1)
    expect(await t.json(['orgs', 'members', 'set-role', 'acme', bob.id, 'org:admin', '--yes'])).toMatchObject({
      role: 'org:admin',
    })
    const table = await t.run(['orgs', 'members', 'list', 'acme'])
    expect(table.stdout).toMatch(/bob@acme.test/)
    const badRole = await t.run(['orgs', 'members', 'set-role', 'acme', bob.id, 'admin', '--yes'])
    expect(badRole.code).toBe(2)
    const again = await t.run(['orgs', 'members', 'add', 'acme', bob.id])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already_a_member_in_organization/)
    const noUser = await t.run(['orgs', 'members', 'add', 'acme', 'nobody@acme.test'])
    expect(noUser.code).toBe(1)
    expect(noUser.stderr).toMatch(/no user with email address nobody@acme.test/)
    const refused = await t.run(['orgs', 'members', 'remove', 'acme', bob.id])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/--yes/)
    const removed = await t.run(['orgs', 'members', 'remove', 'acme', bob.id, '--yes'])
    expect(removed.code, removed.stderr).toBe(0)
    expect(removed.stderr).toMatch(/removed bob@acme.test from acme/)
    expect(await t.json(['orgs', 'members', 'list', 'acme'])).toHaveLength(1)
  })

  it('delete needs --yes without a terminal, then removes the org', async () => {
    const refused = await t.run(['orgs', 'delete', 'globex'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/refusing to delete organization Globex.*\n.*--yes/)
    const ok = await t.run(['orgs', 'delete', 'globex', '--yes', '-o', 'json'])
    expect(ok.code, ok.stderr).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({deleted: true})
    expect((await t.run(['orgs', 'get', 'globex'])).code).toBe(1)
  })
})

describe('clerk orgs metadata', () => {
  it('merges per RFC 7386 with a diff, --dry-run sends nothing, --replace replaces', async () => {
    const org = (
      await t.emu.request('POST', '/v1/organizations', {
        name: 'Meta',
        slug: 'meta',
        public_metadata: {plan: 'free', limits: {seats: 5, sso: false}},
      })
    ).body
    const patches = () => t.emu.requests.filter((r) => r.path === `/v1/organizations/${org.id}/metadata`).length
    const dry = await t.run([
      'orgs',
      'metadata',
      'meta',
      '--public',
      '{"plan":"pro","limits":{"sso":true},"trial":null}',
      '--dry-run',
    ])
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toMatch(/public_metadata\.plan/)
    expect(dry.stderr).toMatch(/dry run: 2 change\(s\) to meta, nothing sent/)
    expect(patches()).toBe(0)
    const changes = await t.json([
      'orgs',
      'metadata',
      'meta',
      '--public',
      '{"plan":"pro","limits":{"sso":true}}',
      '--private',
      '{"crm":"42"}',
    ])
    expect(changes.map((c: {path: string; change: string}) => `${c.path} ${c.change}`).sort()).toEqual([
      'private_metadata.crm added',
      'public_metadata.limits.sso changed',
      'public_metadata.plan changed',
    ])
    expect(t.emu.store.collection('organizations').get(org.id)).toMatchObject({
      public_metadata: {plan: 'pro', limits: {seats: 5, sso: true}},
      private_metadata: {crm: '42'},
    })
    // --replace drops plan and limits: without a terminal that needs --yes, and nothing is sent
    const refused = await t.run(['orgs', 'metadata', org.id, '--public', '{"only":1}', '--replace'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/remove 2 metadata key\(s\) of organization meta/)
    expect(t.emu.store.collection('organizations').get(org.id)!.public_metadata).toMatchObject({plan: 'pro'})
    await t.json(['orgs', 'metadata', org.id, '--public', '{"only":1}', '--replace', '--yes'])
    expect(t.emu.store.collection('organizations').get(org.id)!.public_metadata).toEqual({only: 1})
    expect((await t.run(['orgs', 'metadata', 'meta'])).code).toBe(2)
  })
})
