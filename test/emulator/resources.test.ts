/** The emulator's allow/block-lists, JWT templates, redirect URLs, domains, admin tokens and waitlist (spec-validated). */
import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
let userId: string

beforeAll(async () => {
  userId = t.emu.store.seedUsers(2)[0].id
})

describe('allow-list and block-list identifiers', () => {
  it('adds, lists (allow-list: array; block-list: envelope), rejects duplicates and bad identifiers, deletes', async () => {
    const a = await t.emu.request('POST', '/v1/allowlist_identifiers', {identifier: 'a@example.com', notify: true})
    expect(a.status).toBe(200)
    expect(a.body).toMatchObject({object: 'allowlist_identifier', identifier_type: 'email_address'})
    expect(a.body.id).toMatch(/^alid_/)
    expect(
      (await t.emu.request('POST', '/v1/allowlist_identifiers', {identifier: '*@corp.example'})).body.identifier_type,
    ).toBe('email_address')
    expect(
      (await t.emu.request('POST', '/v1/allowlist_identifiers', {identifier: '+15555550100'})).body.identifier_type,
    ).toBe('phone_number')
    expect((await t.emu.request('POST', '/v1/allowlist_identifiers', {identifier: 'A@example.com'})).status).toBe(400)
    expect((await t.emu.request('POST', '/v1/allowlist_identifiers', {identifier: 'not an identifier'})).status).toBe(
      422,
    )
    expect((await t.emu.request('POST', '/v1/allowlist_identifiers', {})).body.errors[0].code).toBe(
      'form_param_missing',
    )
    const list = await t.emu.request('GET', '/v1/allowlist_identifiers?limit=2')
    expect(list.body).toHaveLength(2)
    expect(list.body[0].identifier).toBe('+15555550100')
    const paged = await t.emu.request('GET', '/v1/allowlist_identifiers?paginated=true&limit=1&offset=1')
    expect(paged.body).toMatchObject({total_count: 3, data: [{identifier: '*@corp.example'}]})
    t.emu.requests.pop() // the paginated envelope is real BAPI behaviour the spec does not describe
    const del = await t.emu.request('DELETE', `/v1/allowlist_identifiers/${a.body.id}`)
    expect(del.body).toEqual({object: 'allowlist_identifier', id: a.body.id, deleted: true})
    expect((await t.emu.request('DELETE', `/v1/allowlist_identifiers/${a.body.id}`)).status).toBe(404)

    const b = await t.emu.request('POST', '/v1/blocklist_identifiers', {identifier: 'spam@example.com'})
    expect(b.body.id).toMatch(/^blid_/)
    expect(
      (await t.emu.request('POST', '/v1/blocklist_identifiers', {identifier: 'x@example.com', notify: true})).status,
    ).toBe(422)
    expect((await t.emu.request('GET', '/v1/blocklist_identifiers')).body).toMatchObject({
      total_count: 1,
      data: [{identifier: 'spam@example.com'}],
    })
  })
})

describe('jwt templates', () => {
  it('creates with defaults, gets, updates, refuses duplicate names and bad lifetimes, deletes', async () => {
    const tpl = await t.emu.request('POST', '/v1/jwt_templates', {name: 'hasura', claims: {role: 'user'}})
    expect(tpl.body).toMatchObject({
      object: 'jwt_template',
      name: 'hasura',
      lifetime: 60,
      allowed_clock_skew: 5,
      custom_signing_key: false,
      signing_algorithm: 'RS256',
    })
    expect((await t.emu.request('POST', '/v1/jwt_templates', {name: 'hasura', claims: {}})).status).toBe(422)
    expect((await t.emu.request('POST', '/v1/jwt_templates', {name: 'x', claims: {}, lifetime: 5})).status).toBe(422)
    expect((await t.emu.request('POST', '/v1/jwt_templates', {name: 'x'})).body.errors[0].meta.param_name).toBe(
      'claims',
    )
    expect((await t.emu.request('GET', `/v1/jwt_templates/${tpl.body.id}`)).body.id).toBe(tpl.body.id)
    const u = await t.emu.request('PATCH', `/v1/jwt_templates/${tpl.body.id}`, {
      name: 'hasura',
      claims: {a: 1},
      lifetime: 120,
    })
    expect(u.body).toMatchObject({lifetime: 120, claims: {a: 1}})
    expect((await t.emu.request('GET', '/v1/jwt_templates')).body).toHaveLength(1)
    expect((await t.emu.request('DELETE', `/v1/jwt_templates/${tpl.body.id}`)).body.deleted).toBe(true)
    expect((await t.emu.request('GET', `/v1/jwt_templates/${tpl.body.id}`)).status).toBe(404)
  })
})

describe('redirect urls and domains', () => {
  it('creates, lists, gets and deletes redirect URLs; validates the URL', async () => {
    const r = await t.emu.request('POST', '/v1/redirect_urls', {url: 'myapp://oauth-callback'})
    expect(r.body).toMatchObject({object: 'redirect_url', url: 'myapp://oauth-callback'})
    expect((await t.emu.request('POST', '/v1/redirect_urls', {url: 'nope'})).status).toBe(422)
    expect((await t.emu.request('POST', '/v1/redirect_urls', {url: 'myapp://oauth-callback'})).status).toBe(422)
    expect((await t.emu.request('GET', '/v1/redirect_urls')).body).toHaveLength(1)
    expect((await t.emu.request('GET', `/v1/redirect_urls/${r.body.id}`)).body.url).toBe('myapp://oauth-callback')
    expect((await t.emu.request('DELETE', `/v1/redirect_urls/${r.body.id}`)).body.deleted).toBe(true)
  })

  it('lists the primary domain', async () => {
    const d = await t.emu.request('GET', '/v1/domains')
    expect(d.body.total_count).toBe(1)
    expect(d.body.data[0]).toMatchObject({object: 'domain', is_satellite: false})
  })
})

describe('actor, sign-in and testing tokens', () => {
  it('mints pending actor tokens for existing users and revokes them once', async () => {
    const tok = await t.emu.request('POST', '/v1/actor_tokens', {user_id: userId, actor: {sub: 'user_admin'}})
    expect(tok.body).toMatchObject({
      object: 'actor_token',
      status: 'pending',
      user_id: userId,
      actor: {sub: 'user_admin'},
    })
    expect(tok.body.token).toBeTruthy()
    expect((await t.emu.request('POST', '/v1/actor_tokens', {user_id: userId, actor: {}})).status).toBe(422)
    expect((await t.emu.request('POST', '/v1/actor_tokens', {user_id: 'user_nobody', actor: {sub: 'x'}})).status).toBe(
      422,
    )
    expect((await t.emu.request('POST', `/v1/actor_tokens/${tok.body.id}/revoke`)).body.status).toBe('revoked')
    expect((await t.emu.request('POST', `/v1/actor_tokens/${tok.body.id}/revoke`)).status).toBe(400)
    expect((await t.emu.request('POST', '/v1/actor_tokens/act_nope/revoke')).status).toBe(404)
  })

  it('mints and revokes sign-in tokens (404 for an unknown user); testing tokens expire in an hour', async () => {
    const tok = await t.emu.request('POST', '/v1/sign_in_tokens', {user_id: userId, expires_in_seconds: 600})
    expect(tok.body).toMatchObject({object: 'sign_in_token', status: 'pending'})
    expect((await t.emu.request('POST', '/v1/sign_in_tokens', {user_id: 'user_nobody'})).status).toBe(404)
    expect((await t.emu.request('POST', `/v1/sign_in_tokens/${tok.body.id}/revoke`)).body.status).toBe('revoked')
    const tt = await t.emu.request('POST', '/v1/testing_tokens')
    expect(tt.body.object).toBe('testing_token')
    expect(tt.body.expires_at - Date.now() / 1000).toBeGreaterThan(3000)
  })
})

describe('waitlist entries', () => {
  it('adds (idempotently), bulk-adds an array, filters, orders, pages, invites, rejects, deletes pending', async () => {
    const a = await t.emu.request('POST', '/v1/waitlist_entries', {email_address: 'w1@example.com'})
    expect(a.body).toMatchObject({object: 'waitlist_entry', status: 'pending'})
    expect((await t.emu.request('POST', '/v1/waitlist_entries', {email_address: 'W1@example.com'})).body.id).toBe(
      a.body.id,
    )
    const bulk = await t.emu.request('POST', '/v1/waitlist_entries/bulk', [
      {email_address: 'w2@example.com'},
      {email_address: 'w3@example.com', notify: false},
    ])
    expect(bulk.status).toBe(200)
    expect(bulk.body).toHaveLength(2)
    expect(
      (await t.emu.request('POST', '/v1/waitlist_entries/bulk', [{email_address: 'd@x.io'}, {email_address: 'd@x.io'}]))
        .status,
    ).toBe(422)
    expect(
      (await t.emu.request('POST', '/v1/waitlist_entries/bulk', [{email_address: 'ok@x.io'}, {email_address: 'bad'}]))
        .status,
    ).toBe(422)
    expect((await t.emu.request('POST', '/v1/waitlist_entries/bulk', {email_address: 'x@x.io'})).status).toBe(400)
    expect((await t.emu.request('POST', '/v1/users', [{email_address: 'x@x.io'}])).status).toBe(400)
    const all = await t.emu.request('GET', '/v1/waitlist_entries?order_by=email_address&limit=2&offset=1')
    expect(all.body.total_count).toBe(3)
    expect(all.body.data.map((e: {email_address: string}) => e.email_address)).toEqual([
      'w2@example.com',
      'w3@example.com',
    ])
    const inv = await t.emu.request('POST', `/v1/waitlist_entries/${a.body.id}/invite`, {ignore_existing: true})
    expect(inv.body.status).toBe('invited')
    expect(inv.body.invitation).toMatchObject({
      object: 'invitation',
      email_address: 'w1@example.com',
      status: 'pending',
    })
    expect((await t.emu.request('POST', `/v1/waitlist_entries/${a.body.id}/invite`)).status).toBe(409)
    expect((await t.emu.request('POST', `/v1/waitlist_entries/${bulk.body[0].id}/reject`)).body.status).toBe('rejected')
    expect(
      (await t.emu.request('GET', '/v1/waitlist_entries?status=pending')).body.data.map((e: {id: string}) => e.id),
    ).toEqual([bulk.body[1].id])
    expect((await t.emu.request('GET', '/v1/waitlist_entries?query=w2')).body.total_count).toBe(1)
    expect((await t.emu.request('DELETE', `/v1/waitlist_entries/${a.body.id}`)).status).toBe(409)
    expect((await t.emu.request('DELETE', `/v1/waitlist_entries/${bulk.body[1].id}`)).body.deleted).toBe(true)
    expect((await t.emu.request('GET', '/v1/waitlist_entries?status=bogus')).status).toBe(422)
  })
})
