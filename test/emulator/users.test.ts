import {describe, expect, test} from 'vitest'
import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

const create = (body: Record<string, unknown>) => t.emu.request('POST', '/v1/users', body)

describe('POST /v1/users', () => {
  test('creates a user with BAPI defaults, verified email and primary id', async () => {
    const before = Date.now()
    const res = await create({
      email_address: ['ada@example.com'],
      first_name: 'Ada',
      last_name: 'Lovelace',
      password: 'correct-horse',
      external_id: 'ext-ada',
      username: 'ada_l',
      public_metadata: {plan: 'pro'},
      private_metadata: {note: 1},
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    const u = res.body
    expect(u.id).toMatch(/^user_[0-9A-Za-z]{27}$/)
    expect(u.object).toBe('user')
    expect(u.email_addresses).toHaveLength(1)
    expect(u.email_addresses[0]).toMatchObject({
      object: 'email_address',
      email_address: 'ada@example.com',
      reserved: false,
      verification: {status: 'verified', strategy: 'admin'},
    })
    expect(u.email_addresses[0].id).toMatch(/^idn_[0-9A-Za-z]{27}$/)
    expect(u.primary_email_address_id).toBe(u.email_addresses[0].id)
    expect(u).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      username: 'ada_l',
      external_id: 'ext-ada',
      password_enabled: true,
      public_metadata: {plan: 'pro'},
      private_metadata: {note: 1},
      unsafe_metadata: {},
      banned: false,
    })
    expect(u.created_at).toBeGreaterThanOrEqual(before)
    expect(u.created_at).toBeLessThanOrEqual(Date.now())
    expect(u.updated_at).toBe(u.created_at)
    expect((await t.emu.request('GET', `/v1/users/${u.id}`)).body).toEqual(u)
  })

  test('phone numbers, reserved identifications, custom created_at', async () => {
    const res = await create({
      email_address: ['r1@example.com', 'r2@example.com'],
      email_address_identification_status: ['reserved', 'verified'],
      phone_number: ['+15555550100'],
      created_at: '2020-01-02T03:04:05.000Z',
      skip_password_requirement: true,
    })
    expect(res.status).toBe(200)
    expect(res.body.email_addresses[0]).toMatchObject({reserved: true, verification: null})
    expect(res.body.primary_email_address_id).toBe(res.body.email_addresses[1].id)
    expect(res.body.phone_numbers[0]).toMatchObject({object: 'phone_number', phone_number: '+15555550100'})
    expect(res.body.primary_phone_number_id).toBe(res.body.phone_numbers[0].id)
    expect(res.body.created_at).toBe(Date.parse('2020-01-02T03:04:05.000Z'))
    expect(res.body.password_enabled).toBe(false)
  })

  test('invalid email -> 422 form_param_format_invalid naming the field', async () => {
    const res = await create({email_address: ['not-an-email']})
    expect(res.status).toBe(422)
    expect(res.body.errors[0]).toMatchObject({code: 'form_param_format_invalid', meta: {param_name: 'email_address'}})
    expect(res.body.errors[0].long_message).toContain('email_address')
    expect(res.body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/)
  })

  test.each([
    [{email_address: ['dup@example.com']}, {email_address: ['DUP@example.com']}, 'email_address'],
    [{username: 'dupuser'}, {username: 'DupUser'}, 'username'],
    [
      {external_id: 'x-1', email_address: ['x1@example.com']},
      {external_id: 'x-1', email_address: ['x2@example.com']},
      'external_id',
    ],
    [{phone_number: ['+15555550111']}, {phone_number: ['+15555550111']}, 'phone_number'],
  ])('duplicate identifier -> 422 form_identifier_exists (%#)', async (first, second, param) => {
    expect((await create(first)).status).toBe(200)
    const res = await create(second)
    expect(res.status).toBe(422)
    expect(res.body.errors[0]).toMatchObject({code: 'form_identifier_exists', meta: {param_name: param}})
  })

  test('other 422s: unknown param, short password, no identifier, bad phone, bad hasher, bad created_at', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{email_address: ['u1@example.com'], favourite_color: 'red'}, 'form_param_unknown'],
      [{email_address: ['u2@example.com'], password: 'short'}, 'form_password_length_too_short'],
      [{first_name: 'Nobody'}, 'form_param_missing'],
      [{phone_number: ['555-1234']}, 'form_param_format_invalid'],
      [{email_address: ['u3@example.com'], password_digest: 'x', password_hasher: 'rot13'}, 'form_param_value_invalid'],
      [{email_address: ['u4@example.com'], password_digest: 'x'}, 'form_conditional_param_missing'],
      [{email_address: ['u5@example.com'], created_at: 'yesterday'}, 'form_param_invalid_time'],
      [{email_address: 'u6@example.com', first_name: 42}, 'form_param_type_invalid'],
      [{username: 'ab'}, 'form_username_invalid_length'],
    ]
    for (const [body, code] of cases) {
      const res = await create(body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(res.body.errors[0].code, JSON.stringify(body)).toBe(code)
    }
    expect(
      (await create({email_address: ['u2@example.com'], password: 'short', skip_password_checks: true})).status,
    ).toBe(200)
  })

  test('a 422 creates nothing', async () => {
    const before = t.emu.store.users.size
    await create({email_address: ['fine@example.com', 'bad']})
    expect(t.emu.store.users.size).toBe(before)
    expect((await t.emu.request('GET', '/v1/users?email_address=fine@example.com')).body).toEqual([])
  })
})

describe('GET/PATCH/DELETE /v1/users/{id}', () => {
  test('404 resource_not_found for an unknown id', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const res = await t.emu.request(
        method,
        '/v1/users/user_missing',
        method === 'PATCH' ? {first_name: 'x'} : undefined,
      )
      expect(res.status).toBe(404)
      expect(res.body.errors[0].code).toBe('resource_not_found')
    }
  })

  test('PATCH updates fields, username removal, primary email, updated_at', async () => {
    const {body: u} = await create({email_address: ['p1@example.com', 'p2@example.com'], username: 'patchme'})
    await new Promise((r) => setTimeout(r, 5))
    const res = await t.emu.request('PATCH', `/v1/users/${u.id}`, {
      first_name: 'Pat',
      last_name: null,
      username: '',
      primary_email_address_id: u.email_addresses[1].id,
      external_id: 'pat-1',
      password: 'new-password-1',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      first_name: 'Pat',
      last_name: null,
      username: null,
      external_id: 'pat-1',
      password_enabled: true,
      primary_email_address_id: u.email_addresses[1].id,
    })
    expect(res.body.updated_at).toBeGreaterThan(u.updated_at)
    expect(res.body.created_at).toBe(u.created_at)
    // the old username is free again
    expect((await create({username: 'patchme'})).status).toBe(200)
  })

  test('PATCH rejects metadata (API version 2026-05-12), foreign primary ids and taken usernames', async () => {
    const {body: a} = await create({username: 'owner_a'})
    const {body: b} = await create({email_address: ['b-only@example.com']})
    let res = await t.emu.request('PATCH', `/v1/users/${a.id}`, {public_metadata: {a: 1}})
    expect(res.status).toBe(422)
    expect(res.body.errors[0]).toMatchObject({code: 'form_param_unknown', meta: {param_name: 'public_metadata'}})
    res = await t.emu.request('PATCH', `/v1/users/${a.id}`, {primary_email_address_id: b.email_addresses[0].id})
    expect(res.status).toBe(422)
    res = await t.emu.request('PATCH', `/v1/users/${b.id}`, {username: 'OWNER_A'})
    expect(res.status).toBe(422)
    expect(res.body.errors[0].code).toBe('form_identifier_exists')
  })

  test('metadata: PATCH deep-merges (null deletes), PUT replaces the given fields', async () => {
    const {body: u} = await create({
      email_address: ['meta@example.com'],
      public_metadata: {a: {x: 1, y: 2}, keep: true},
      private_metadata: {p: 1},
    })
    let res = await t.emu.request('PATCH', `/v1/users/${u.id}/metadata`, {public_metadata: {a: {y: null, z: 3}, n: 1}})
    expect(res.status).toBe(200)
    expect(res.body.public_metadata).toEqual({a: {x: 1, z: 3}, keep: true, n: 1})
    expect(res.body.private_metadata).toEqual({p: 1})
    res = await t.emu.request('PUT', `/v1/users/${u.id}/metadata`, {public_metadata: {only: 1}})
    expect(res.body.public_metadata).toEqual({only: 1})
    expect(res.body.private_metadata).toEqual({p: 1})
    res = await t.emu.request('PUT', `/v1/users/${u.id}/metadata`, {public_metadata: 'nope'})
    expect(res.status).toBe(422)
  })

  test('DELETE returns a DeletedObject and the user is gone', async () => {
    const {body: u} = await create({email_address: ['gone@example.com']})
    const res = await t.emu.request('DELETE', `/v1/users/${u.id}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({object: 'user', id: u.id, deleted: true})
    expect((await t.emu.request('GET', `/v1/users/${u.id}`)).status).toBe(404)
    expect((await create({email_address: ['gone@example.com']})).status).toBe(200)
  })
})
