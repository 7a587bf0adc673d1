import {describe, expect, test} from 'vitest'
import {useEmulator, withEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

const user = async (email: string, extra: Record<string, unknown> = {}) =>
  await t.createUser({email_address: [email], skip_password_requirement: true, ...extra})
const org = async (body: Record<string, unknown>) => t.emu.request('POST', '/v1/organizations', body)

describe('organizations', () => {
  test('create, get by id and slug, update, metadata, delete', async () => {
    const owner = await user('owner@acme.test', {first_name: 'Olive'})
    const res = await org({name: 'Acme Inc', created_by: owner.id, public_metadata: {tier: 'gold'}})
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    const o = res.body
    expect(o).toMatchObject({
      object: 'organization',
      name: 'Acme Inc',
      slug: 'acme-inc',
      public_metadata: {tier: 'gold'},
      created_by: owner.id,
      max_allowed_memberships: 0,
      admin_delete_enabled: true,
      has_image: false,
    })
    expect(o.id).toMatch(/^org_[0-9A-Za-z]{27}$/)
    expect((await t.emu.request('GET', `/v1/organizations/${o.id}`)).body).toEqual(o)
    expect((await t.emu.request('GET', '/v1/organizations/acme-inc?include_members_count=true')).body).toEqual({
      ...o,
      members_count: 1,
    })
    expect((await t.emu.request('GET', '/v1/organizations/nope')).status).toBe(404)

    expect((await org({name: 'Other', slug: 'acme-inc'})).status).toBe(422)
    expect((await org({name: 'Bad', slug: 'Not A Slug'})).body.errors[0].code).toBe('form_param_format_invalid')
    expect((await org({})).body.errors[0].code).toBe('form_param_missing')
    expect((await org({name: 'Acme Inc'})).body.slug).toBe('acme-inc-2')

    const up = await t.emu.request('PATCH', `/v1/organizations/${o.id}`, {
      name: 'Acme Corp',
      slug: 'acme',
      max_allowed_memberships: 50,
    })
    expect(up.body).toMatchObject({name: 'Acme Corp', slug: 'acme', max_allowed_memberships: 50})
    expect((await t.emu.request('PATCH', `/v1/organizations/${o.id}`, {public_metadata: {}})).status).toBe(422)
    const md = await t.emu.request('PATCH', `/v1/organizations/${o.id}/metadata`, {
      public_metadata: {tier: null, seats: 5},
      private_metadata: {crm: 'x'},
    })
    expect(md.body).toMatchObject({public_metadata: {seats: 5}, private_metadata: {crm: 'x'}})
    const put = await t.emu.request('PUT', `/v1/organizations/${o.id}/metadata`, {private_metadata: {a: 1}})
    expect(put.body.private_metadata).toEqual({a: 1})

    const del = await t.emu.request('DELETE', `/v1/organizations/${o.id}`)
    expect(del.body).toEqual({object: 'organization', id: o.id, slug: 'acme', deleted: true})
    expect((await t.emu.request('GET', `/v1/organizations/${o.id}`)).status).toBe(404)
    expect((await t.emu.request('GET', `/v1/organizations/${o.id}/memberships`)).status).toBe(404)
  })

  test('list: {data, total_count}, query, order, paging, member counts, user_id filter', async () => {
    await t.emu.request('POST', '/__emulator/reset')
    const u = await user('m@x.test')
    const names = ['Zeta', 'Alpha', 'Beta', 'Gamma']
    const ids: string[] = []
    for (const name of names) ids.push((await org({name})).body.id)
    await t.emu.request('POST', `/v1/organizations/${ids[2]}/memberships`, {user_id: u.id, role: 'org:member'})
    const all = (await t.emu.request('GET', '/v1/organizations')).body
    expect(all.total_count).toBe(4)
    expect(all.data.map((o: {name: string}) => o.name)).toEqual(['Gamma', 'Beta', 'Alpha', 'Zeta'])
    const page = (await t.emu.request('GET', '/v1/organizations?order_by=name&limit=2&offset=1')).body
    expect(page).toMatchObject({total_count: 4})
    expect(page.data.map((o: {name: string}) => o.name)).toEqual(['Beta', 'Gamma'])
    const counted = (
      await t.emu.request('GET', '/v1/organizations?include_members_count=true&order_by=-members_count&limit=1')
    ).body
    expect(counted.data[0]).toMatchObject({name: 'Beta', members_count: 1})
    expect(
      (await t.emu.request('GET', '/v1/organizations?query=amm')).body.data.map((o: {name: string}) => o.name),
    ).toEqual(['Gamma'])
    expect((await t.emu.request('GET', `/v1/organizations?query=${ids[0]}`)).body.total_count).toBe(1)
    expect((await t.emu.request('GET', `/v1/organizations?user_id=${u.id}`)).body.data[0].id).toBe(ids[2])
    expect((await t.emu.request('GET', '/v1/organizations?limit=501')).status).toBe(422)
    expect((await t.emu.request('GET', '/v1/organizations?order_by=nope')).status).toBe(422)
  })
})

describe('memberships', () => {
  test('add, list with filters, set role, metadata, remove', async () => {
    await t.emu.request('POST', '/__emulator/reset')
    const a = await user('ada@x.test', {first_name: 'Ada'})
    const b = await user('bob@x.test', {first_name: 'Bob'})
    const o = (await org({name: 'Team', created_by: a.id})).body
    const add = await t.emu.request('POST', `/v1/organizations/${o.id}/memberships`, {
      user_id: b.id,
      role: 'org:member',
      public_metadata: {x: 1},
    })
    expect(add.status).toBe(200)
    expect(add.body).toMatchObject({
      object: 'organization_membership',
      role: 'org:member',
      role_name: 'Member',
      public_metadata: {x: 1},
      organization: {id: o.id},
      public_user_data: {user_id: b.id, first_name: 'Bob', identifier: 'bob@x.test'},
    })
    expect(add.body.id).toMatch(/^orgmem_/)
    expect(
      (await t.emu.request('POST', `/v1/organizations/${o.id}/memberships`, {user_id: b.id, role: 'org:member'})).body
        .errors[0].code,
    ).toBe('already_a_member_in_organization')
    expect(
      (await t.emu.request('POST', `/v1/organizations/${o.id}/memberships`, {user_id: 'user_nope', role: 'org:member'}))
        .status,
    ).toBe(404)
    expect(
      (await t.emu.request('POST', `/v1/organizations/${o.id}/memberships`, {user_id: b.id, role: 'org:king'})).status,
    ).toBe(404) // Clerk: OrganizationRoleNotFound

    const list = (await t.emu.request('GET', `/v1/organizations/${o.id}/memberships?order_by=email_address`)).body
    expect(list.total_count).toBe(2)
    expect(list.data.map((m: {public_user_data: {identifier: string}}) => m.public_user_data.identifier)).toEqual([
      'ada@x.test',
      'bob@x.test',
    ])
    expect(
      (await t.emu.request('GET', `/v1/organizations/${o.id}/memberships?role=org:admin`)).body.data[0].public_user_data
        .user_id,
    ).toBe(a.id)
    expect(
      (await t.emu.request('GET', `/v1/organizations/${o.id}/memberships?email_address=BOB@x.test`)).body.total_count,
    ).toBe(1)
    expect((await t.emu.request('GET', `/v1/organizations/${o.id}/memberships?query=ada`)).body.total_count).toBe(1)

    const role = await t.emu.request('PATCH', `/v1/organizations/${o.id}/memberships/${b.id}`, {role: 'org:admin'})
    expect(role.body).toMatchObject({role: 'org:admin', role_name: 'Admin'})
    const md = await t.emu.request('PATCH', `/v1/organizations/${o.id}/memberships/${b.id}/metadata`, {
      public_metadata: {y: 2},
    })
    expect(md.body.public_metadata).toEqual({x: 1, y: 2})
    const rm = await t.emu.request('DELETE', `/v1/organizations/${o.id}/memberships/${b.id}`)
    expect(rm.body.public_user_data.user_id).toBe(b.id)
    expect((await t.emu.request('DELETE', `/v1/organizations/${o.id}/memberships/${b.id}`)).status).toBe(404)
  })
})

describe('organization invitations', () => {
  test('single, bulk (all or nothing), list, get, revoke', async () => {
    await t.emu.request('POST', '/__emulator/reset')
    const admin = await user('admin@x.test', {first_name: 'Ann'})
    const member = await user('member@x.test')
    const o = (await org({name: 'Inv', created_by: admin.id})).body
    await t.emu.request('POST', `/v1/organizations/${o.id}/memberships`, {user_id: member.id, role: 'org:member'})
    const base = `/v1/organizations/${o.id}/invitations`

    const one = await t.emu.request('POST', base, {
      email_address: 'new@x.test',
      role: 'org:member',
      inviter_user_id: admin.id,
      public_metadata: {src: 'cli'},
    })
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({
      object: 'organization_invitation',
      email_address: 'new@x.test',
      role: 'org:member',
      role_name: 'Member',
      organization_id: o.id,
      inviter_id: admin.id,
      status: 'pending',
      public_metadata: {src: 'cli'},
      public_inviter_data: {user_id: admin.id, first_name: 'Ann', identifier: 'admin@x.test'},
    })
    expect(one.body.id).toMatch(/^orginv_/)
    expect(
      (await t.emu.request('POST', base, {email_address: 'new@x.test', role: 'org:member'})).body.errors[0].code,
    ).toBe('organization_invitation_not_unique')
    expect(
      (await t.emu.request('POST', base, {email_address: 'member@x.test', role: 'org:member'})).body.errors[0].code,
    ).toBe('already_a_member_in_organization')
    expect(
      (await t.emu.request('POST', base, {email_address: 'not-an-email', role: 'org:member'})).body.errors[0].code,
    ).toBe('form_param_format_invalid')
    expect(
      (await t.emu.request('POST', base, {email_address: 'x@x.test', role: 'org:member', inviter_user_id: member.id}))
        .status,
    ).toBe(403)

    const items = Array.from({length: 10}, (_, i) => ({
      email_address: `b${i}@x.test`,
      role: i === 0 ? 'org:admin' : 'org:member',
    }))
    const bulk = await t.emu.request('POST', `${base}/bulk`, items)
    expect(bulk.status).toBe(200)
    expect(bulk.body.total_count).toBe(10)
    expect(bulk.body.data[0]).toMatchObject({email_address: 'b0@x.test', role: 'org:admin', public_inviter_data: null})
    expect(
      (await t.emu.request('POST', `${base}/bulk`, [...items, {email_address: 'b10@x.test', role: 'org:member'}]))
        .status,
    ).toBe(400) // bulk_size_exceeded
    expect((await t.emu.request('POST', `${base}/bulk`, [])).status).toBe(422)
    const bad = await t.emu.request('POST', `${base}/bulk`, [
      {email_address: 'ok@x.test', role: 'org:member'},
      {email_address: 'bad', role: 'org:member'},
      {email_address: 'member@x.test', role: 'org:member'},
    ])
    // the first problem only, naming no item (Clerk documents no per-item index)
    expect(bad.status).toBe(422)
    expect(bad.body.errors.map((e: {meta: {param_name: string}}) => e.meta.param_name)).toEqual(['email_address'])
    expect((await t.emu.request('GET', `${base}?email_address=ok@x.test`)).body.total_count).toBe(0) // nothing created

    const list = (await t.emu.request('GET', `${base}?status=pending&limit=5&order_by=email_address`)).body
    expect(list.total_count).toBe(11)
    expect(list.data[0].email_address).toBe('b0@x.test')
    expect((await t.emu.request('GET', `${base}/${one.body.id}`)).body.id).toBe(one.body.id)
    const revoked = await t.emu.request('POST', `${base}/${one.body.id}/revoke`, {})
    expect(revoked.body.status).toBe('revoked')
    expect((await t.emu.request('POST', `${base}/${one.body.id}/revoke`)).status).toBe(404) // not pending
    expect((await t.emu.request('GET', `${base}?status=revoked`)).body.total_count).toBe(1)
    // a revoked invitation no longer blocks a new one
    expect((await t.emu.request('POST', base, {email_address: 'new@x.test', role: 'org:member'})).status).toBe(200)
  })
})

describe('instance invitations', () => {
  test('single, bulk, list (array or paginated), revoke', async () => {
    await t.emu.request('POST', '/__emulator/reset')
    await user('taken@x.test')
    const one = await t.emu.request('POST', '/v1/invitations', {
      email_address: 'a@x.test',
      public_metadata: {p: 1},
      expires_in_days: 7,
      notify: false,
    })
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({
      object: 'invitation',
      email_address: 'a@x.test',
      public_metadata: {p: 1},
      revoked: false,
      status: 'pending',
    })
    expect(one.body.expires_at - one.body.created_at).toBe(7 * 86_400_000)
    expect((await t.emu.request('POST', '/v1/invitations', {email_address: 'a@x.test'})).body.errors[0].code).toBe(
      'duplicate_record',
    )
    expect(
      (await t.emu.request('POST', '/v1/invitations', {email_address: 'a@x.test', ignore_existing: true})).status,
    ).toBe(200)
    expect((await t.emu.request('POST', '/v1/invitations', {email_address: 'taken@x.test'})).body.errors[0].code).toBe(
      'form_identifier_exists',
    )
    expect(
      (await t.emu.request('POST', '/v1/invitations', {email_address: 'z@x.test', expires_in_days: 400})).status,
    ).toBe(422)

    const bulk = await t.emu.request('POST', '/v1/invitations/bulk', [
      {email_address: 'c@x.test'},
      {email_address: 'd@x.test', notify: false},
    ])
    expect(bulk.status).toBe(200)
    expect(bulk.body.map((i: {email_address: string}) => i.email_address)).toEqual(['c@x.test', 'd@x.test'])
    expect(
      (
        await t.emu.request('POST', '/v1/invitations/bulk', [
          {email_address: 'e@x.test'},
          {email_address: 'taken@x.test', ignore_existing: true},
        ])
      ).status,
    ).toBe(422)

    const list = await t.emu.request('GET', '/v1/invitations?order_by=email_address')
    expect(list.body.map((i: {email_address: string}) => i.email_address)).toEqual([
      'a@x.test',
      'a@x.test',
      'c@x.test',
      'd@x.test',
    ])
    const rev = await t.emu.request('POST', `/v1/invitations/${one.body.id}/revoke`)
    expect(rev.body).toMatchObject({revoked: true, status: 'revoked'})
    expect((await t.emu.request('POST', `/v1/invitations/${one.body.id}/revoke`)).status).toBe(400)
    expect((await t.emu.request('GET', '/v1/invitations')).body).toHaveLength(3)
    expect((await t.emu.request('GET', '/v1/invitations?status=revoked')).body).toHaveLength(1)
    expect((await t.emu.request('GET', '/v1/invitations?query=c@x')).body).toHaveLength(1)
    // paginated=true answers {data, total_count} (the spec documents only the array; checked here, not by the spec helper)
    const paged = await fetch(`${t.emu.url}/v1/invitations?paginated=true&limit=1`, {
      headers: {authorization: `Bearer ${t.emu.secretKey}`},
    })
    expect(await paged.json()).toMatchObject({total_count: 3, data: [{object: 'invitation'}]})
    t.emu.requests.splice(
      t.emu.requests.findIndex((r) => r.query.paginated === 'true'),
      1,
    )
  })
})

describe('hourly invitation limits (configurable)', () => {
  test('ruleRates option and the control route shrink the hourly windows', async () => {
    await withEmulator({ruleRates: {org_invitations_bulk: {limit: 2, windowMs: 60_000}}}, async (e) => {
      const o = (await e.emu.request('POST', '/v1/organizations', {name: 'Lim'})).body
      const send = (i: number) =>
        e.emu.request('POST', `/v1/organizations/${o.id}/invitations/bulk`, [
          {email_address: `l${i}@x.test`, role: 'org:member'},
        ])
      expect((await send(1)).status).toBe(200)
      expect((await send(2)).status).toBe(200)
      const limited = await send(3)
      expect(limited.status).toBe(429)
      expect(limited.headers.get('retry-after')).toBe('30')
      expect(
        (await e.emu.request('POST', '/__emulator/rate-limit', {rule: 'org_invitations_bulk', rate: '100/1s'})).body,
      ).toEqual({rule: 'org_invitations_bulk', rate: '100/1s'})
      expect((await send(4)).status).toBe(200)
      expect((await e.emu.request('POST', '/__emulator/rate-limit', {rule: 'nope', rate: '1/1s'})).status).toBe(400)
      // the published default: 250 single org invitations per hour
      expect(e.emu.limiter.rules.find((r) => r.name === 'org_invitations')?.rate).toEqual({
        limit: 250,
        windowMs: 3_600_000,
      })
    })
  })
})
