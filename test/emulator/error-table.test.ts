/**
 * Every error the emulator serves, provoked once and compared with its entry in the error table
 * (src/emulator/errors/table.ts, taken from Clerk's errors reference): status, code and message exactly,
 * long_message against the entry's template. Every entry a route can raise must have a case here.
 */
import {beforeAll, describe, expect, it} from 'vitest'

import {ERRORS, type ErrorName, longPattern} from '../../src/emulator/errors/table.js'
import type {TestResponse} from '../helpers/emulator.js'
import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const req = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  t.emu.request(method, path, body, headers)

let admin: {id: string}
let member: {id: string}
let org: {id: string}
let capped: {id: string}

beforeAll(async () => {
  admin = (await req('POST', '/v1/users', {email_address: ['admin@x.test']})).body
  member = (await req('POST', '/v1/users', {email_address: ['member@x.test', 'member.alt@x.test']})).body
  org = (await req('POST', '/v1/organizations', {name: 'Acme', created_by: admin.id})).body
  await req('POST', `/v1/organizations/${org.id}/memberships`, {user_id: member.id, role: 'org:member'})
  capped = (await req('POST', '/v1/organizations', {name: 'Small', max_allowed_memberships: 2, created_by: admin.id}))
    .body
  await req('POST', `/v1/organizations/${capped.id}/invitations`, {email_address: 'p@x.test', role: 'org:member'})
})

/** One request (after optional setup) per table entry a route raises. */
const CASES: Partial<Record<ErrorName, () => Promise<TestResponse>>> = {
  InvalidAuthentication: () => req('GET', '/v1/users', undefined, {authorization: ''}),
  InvalidAuthorizationHeaderFormat: () => req('GET', '/v1/users', undefined, {authorization: 'Basic dXNlcjpwdw=='}),
  InvalidClerkSecretKey: () => req('GET', '/v1/users', undefined, {authorization: 'Bearer sk_test_wrong'}),
  InvalidRequestBody: () => req('POST', '/v1/users', '{"email_address": ['),
  BulkSizeExceeded: () =>
    req(
      'POST',
      '/v1/invitations/bulk',
      Array.from({length: 11}, (_, i) => ({email_address: `bulk${i}@x.test`})),
    ),
  BadRequest: async () => {
    const inv = (await req('POST', '/v1/invitations', {email_address: 'old@x.test', expires_in_days: 1})).body
    t.emu.store.collection('invitations').set({...inv, expires_at: Date.now() - 1000})
    return req('POST', `/v1/invitations/${inv.id}/revoke`)
  },
  TooManyRequests: async () => {
    t.emu.setRateLimit({limit: 1, windowMs: 60_000})
    try {
      await req('GET', '/v1/users')
      return await req('GET', '/v1/users')
    } finally {
      t.emu.setRateLimit('off')
    }
  },
  ResourceNotFound: () => req('GET', '/v1/no_such_thing'),
  UserQuotaExceeded: async () => {
    t.emu.store.userCap = {max: t.emu.store.users.size, production: false}
    try {
      return await req('POST', '/v1/users', {email_address: ['over-cap@x.test']})
    } finally {
      t.emu.store.userCap = undefined
    }
  },
  PasswordIncorrect: async () => {
    const u = (await req('POST', '/v1/users', {email_address: ['pw@x.test'], password: 'correct horse battery'})).body
    return req('POST', `/v1/users/${u.id}/verify_password`, {password: 'wrong horse'})
  },
  PasswordNotSet: () => req('POST', `/v1/users/${member.id}/verify_password`, {password: 'anything at all'}),
  PrimaryIdentificationDeletionNotAllowed: async () => {
    const u = (await req('GET', `/v1/users/${member.id}`)).body
    return req('DELETE', `/v1/email_addresses/${u.primary_email_address_id}`)
  },
  RoleDuplicate: async () => {
    const roles = (await req('GET', '/v1/organization_roles')).body.data
    const admin = roles.find((r: {key: string}) => r.key === 'org:admin')
    const perms = (await req('GET', '/v1/organization_permissions')).body.data
    const p = perms.find((x: {key: string}) => admin.permissions.some((ap: {key: string}) => ap.key === x.key))
    return req('POST', `/v1/organization_roles/${admin.id}/permissions/${p.id}`)
  },
  UserNotFound: () => req('GET', '/v1/users/user_missing'),
  SessionNotFound: () => req('GET', '/v1/sessions/sess_missing'),
  InvitationNotFound: () => req('POST', '/v1/invitations/inv_missing/revoke'),
  OrganizationNotFound: () => req('GET', '/v1/organizations/org_missing'),
  OrganizationRoleNotFound: () =>
    req('POST', `/v1/organizations/${org.id}/invitations`, {email_address: 'r@x.test', role: 'org:king'}),
  AllowlistIdentifierNotFound: () => req('DELETE', '/v1/allowlist_identifiers/alid_missing'),
  BlocklistIdentifierNotFound: () => req('DELETE', '/v1/blocklist_identifiers/blid_missing'),
  JWTTemplateNotFound: () => req('GET', '/v1/jwt_templates/jtmp_missing'),
  RedirectURLNotFound: () => req('GET', '/v1/redirect_urls/ru_missing'),
  MachineTokenNotFound: () => req('POST', '/api_keys/verify', {secret: 'ak_missing'}),
  MachineNotFound: () => req('GET', '/v1/machines/mch_missing'),
  Conflict: async () => {
    const [a, b] = await Promise.all(['a', 'b'].map(async (name) => (await req('POST', '/v1/machines', {name})).body))
    await req('POST', `/v1/machines/${a.id}/scopes`, {to_machine_id: b.id})
    return req('POST', `/v1/machines/${a.id}/scopes`, {to_machine_id: b.id})
  },
  InvalidAuthorization: () => req('POST', '/m2m_tokens', {}), // the instance key: a machine key is needed
  MachineAuthRequestInvalid: () => req('POST', '/api_keys', {name: 'ci', subject: admin.id}),
  FormUnknownParameter: () => req('POST', '/v1/users', {email_address: ['u1@x.test'], shoe_size: 9}),
  FormMissingParameter: () => req('POST', '/v1/sessions', {}),
  FormMissingConditionalParameter: () =>
    req('POST', '/v1/jwt_templates', {name: 'custom', claims: {}, custom_signing_key: true}),
  FormMissingConditionalParameterOnExistence: () =>
    req('POST', '/v1/users', {email_address: ['u2@x.test'], password_digest: 'x'}),
  FormInvalidTypeParameter: () => req('POST', '/v1/users', {email_address: ['u3@x.test'], first_name: 5}),
  FormNilParameter: () => req('POST', '/v1/users', {email_address: ['u4@x.test'], public_metadata: null}),
  FormInvalidTime: () => req('POST', '/v1/users', {email_address: ['u5@x.test'], created_at: 'yesterday'}),
  FormInvalidEmailAddress: () => req('POST', '/v1/users', {email_address: ['not-an-email']}),
  FormInvalidPhoneNumber: () => req('POST', '/v1/users', {phone_number: ['12']}),
  FormInvalidIdentifier: () => req('POST', '/v1/allowlist_identifiers', {identifier: 'nope'}),
  FormInvalidParameterFormat: () => req('POST', '/v1/organizations', {name: 'Bad', slug: 'Not A Slug'}),
  FormInvalidParameterValue: () => req('GET', '/v1/users?order_by=shoe_size'),
  FormParameterMaxLengthExceeded: () => req('POST', '/v1/organizations', {name: 'x'.repeat(300)}),
  FormDuplicateParameterValue: () =>
    req('POST', '/v1/invitations/bulk', [{email_address: 'twice@x.test'}, {email_address: 'TWICE@x.test'}]),
  FormIdentifierExists: () => req('POST', '/v1/users', {email_address: ['admin@x.test']}),
  FormPasswordLengthTooShort: () => req('POST', '/v1/users', {email_address: ['u6@x.test'], password: 'short'}),
  FormUsernameInvalidLength: () => req('POST', '/v1/users', {username: 'ab'}),
  FormUsernameInvalidCharacter: () => req('POST', '/v1/users', {username: 'bad name!'}),
  FormMissingResource: () => req('POST', '/v1/actor_tokens', {user_id: 'user_missing', actor: {sub: admin.id}}),
  DuplicateAllowlistIdentifier: async () => {
    await req('POST', '/v1/allowlist_identifiers', {identifier: 'dup@x.test'})
    return req('POST', '/v1/allowlist_identifiers', {identifier: 'DUP@x.test'})
  },
  DuplicateBlocklistIdentifier: async () => {
    await req('POST', '/v1/blocklist_identifiers', {identifier: 'dup@x.test'})
    return req('POST', '/v1/blocklist_identifiers', {identifier: 'dup@x.test'})
  },
  DuplicateInvitations: async () => {
    await req('POST', '/v1/invitations', {email_address: 'pending@x.test'})
    return req('POST', '/v1/invitations/bulk', [{email_address: 'fresh@x.test'}, {email_address: 'pending@x.test'}])
  },
  InvitationAlreadyAccepted: async () => {
    const inv = (await req('POST', '/v1/invitations', {email_address: 'acc@x.test'})).body
    t.emu.store.collection('invitations').set({...inv, status: 'accepted'})
    return req('POST', `/v1/invitations/${inv.id}/revoke`)
  },
  InvitationAlreadyRevoked: async () => {
    const inv = (await req('POST', '/v1/invitations', {email_address: 'rev@x.test'})).body
    await req('POST', `/v1/invitations/${inv.id}/revoke`)
    return req('POST', `/v1/invitations/${inv.id}/revoke`)
  },
  OrganizationCreatorNotFound: () => req('POST', '/v1/organizations', {name: 'Ghost', created_by: 'user_missing'}),
  AlreadyAMemberOfOrganization: () =>
    req('POST', `/v1/organizations/${org.id}/invitations/bulk`, [
      {email_address: 'new1@x.test', role: 'org:member'},
      {email_address: 'member.alt@x.test', role: 'org:member'}, // a member by a secondary address
    ]),
  OrganizationInvitationNotUnique: async () => {
    await req('POST', `/v1/organizations/${org.id}/invitations`, {email_address: 'inv@x.test', role: 'org:member'})
    return req('POST', `/v1/organizations/${org.id}/invitations/bulk`, [
      {email_address: 'new2@x.test', role: 'org:member'},
      {email_address: 'inv@x.test', role: 'org:member'},
    ])
  },
  OrganizationMembershipQuotaExceeded: () =>
    // 1 member + 1 pending invitation: a second invitation would pass the cap of 2
    req('POST', `/v1/organizations/${capped.id}/invitations`, {email_address: 'q@x.test', role: 'org:member'}),
  OrganizationInvitationNotPending: async () => {
    const inv = (
      await req('POST', `/v1/organizations/${org.id}/invitations`, {email_address: 'np@x.test', role: 'org:member'})
    ).body
    await req('POST', `/v1/organizations/${org.id}/invitations/${inv.id}/revoke`, {})
    return req('POST', `/v1/organizations/${org.id}/invitations/${inv.id}/revoke`, {})
  },
  NotAnAdminInOrganization: () =>
    req('POST', `/v1/organizations/${org.id}/invitations`, {
      email_address: 'n@x.test',
      role: 'org:member',
      inviter_user_id: member.id,
    }),
  ActorTokenCannotBeRevoked: async () => {
    const tok = (await req('POST', '/v1/actor_tokens', {user_id: member.id, actor: {sub: admin.id}})).body
    await req('POST', `/v1/actor_tokens/${tok.id}/revoke`)
    return req('POST', `/v1/actor_tokens/${tok.id}/revoke`)
  },
  SignInTokenCannotBeRevoked: async () => {
    const tok = (await req('POST', '/v1/sign_in_tokens', {user_id: member.id})).body
    await req('POST', `/v1/sign_in_tokens/${tok.id}/revoke`)
    return req('POST', `/v1/sign_in_tokens/${tok.id}/revoke`)
  },
  WaitlistEntryAlreadyInvited: async () => {
    const e = (await req('POST', '/v1/waitlist_entries', {email_address: 'w1@x.test'})).body
    await req('POST', `/v1/waitlist_entries/${e.id}/invite`)
    return req('POST', `/v1/waitlist_entries/${e.id}/invite`)
  },
  WaitlistEntryAlreadyRejected: async () => {
    const e = (await req('POST', '/v1/waitlist_entries', {email_address: 'w2@x.test'})).body
    await req('POST', `/v1/waitlist_entries/${e.id}/reject`)
    return req('POST', `/v1/waitlist_entries/${e.id}/reject`)
  },
  WaitlistEntryAlreadyCompleted: async () => {
    const e = (await req('POST', '/v1/waitlist_entries', {email_address: 'w3@x.test'})).body
    t.emu.store.collection('waitlist_entries').set({...e, status: 'completed'})
    return req('POST', `/v1/waitlist_entries/${e.id}/invite`)
  },
  OrganizationDomainsNotEnabled: async () => {
    await domainSettings({domains_enabled: false})
    return req('POST', `/v1/organizations/${org.id}/domains`, {name: 'off.example'})
  },
  OrganizationDomainEnrollmentModeNotEnabled: async () => {
    await domainSettings({domains_enabled: true, domains_enrollment_modes: []})
    return req('POST', `/v1/organizations/${org.id}/domains`, {
      name: 'auto.example',
      enrollment_mode: 'automatic_invitation',
    })
  },
  OrganizationDomainCommon: async () => {
    await domainSettings({domains_enabled: true})
    return req('POST', `/v1/organizations/${org.id}/domains`, {name: 'gmail.com'})
  },
  OrganizationDomainAlreadyExists: async () => {
    await domainSettings({domains_enabled: true})
    await req('POST', `/v1/organizations/${org.id}/domains`, {name: 'taken.example'})
    return req('POST', `/v1/organizations/${capped.id}/domains`, {name: 'taken.example'})
  },
  OrganizationDomainAlreadyExistsForSameOrganization: async () => {
    await domainSettings({domains_enabled: true})
    await req('POST', `/v1/organizations/${org.id}/domains`, {name: 'mine.example'})
    return req('POST', `/v1/organizations/${org.id}/domains`, {name: 'MINE.example'})
  },
  OperationNotAllowedOnPrimaryDomain: async () => {
    const primary = (await req('GET', '/v1/domains')).body.data.find((d: {is_satellite: boolean}) => !d.is_satellite)
    return req('DELETE', `/v1/domains/${primary.id}`)
  },
  PrimaryDomainAlreadyExists: () => req('POST', '/v1/domains', {name: 'second.example', is_satellite: false}),
  DomainUpdateForbidden: async () => {
    const primary = (await req('GET', '/v1/domains')).body.data[0]
    return req('PATCH', `/v1/domains/${primary.id}`, {proxy_url: 'https://proxy.example/__clerk'})
  },
}

const domainSettings = (body: Record<string, unknown>) => req('PATCH', '/v1/instance/organization_settings', body)

describe('the error table', () => {
  it('has a case for every entry a route raises, and every entry cites its source', () => {
    const missing = (Object.keys(ERRORS) as ErrorName[]).filter((n) => !ERRORS[n].faultOnly && !CASES[n])
    expect(missing).toEqual([])
    for (const [name, e] of Object.entries(ERRORS))
      expect(e.source, name).toMatch(/^(clerk:\w+\.go:\w+|undocumented: )/)
  })

  for (const name of Object.keys(CASES) as ErrorName[]) {
    it(`${name}: status, code and message as the table says`, async () => {
      const e = ERRORS[name]
      const r = await CASES[name]!()
      expect(r.status, JSON.stringify(r.body)).toBe(e.status)
      expect(r.body.errors).toHaveLength(1)
      const [item] = r.body.errors
      expect(item.code).toBe(e.code)
      if (!e.message.includes('<')) expect(item.message).toBe(e.message)
      expect(item.long_message).toMatch(longPattern(e))
      expect(Object.keys(item.meta ?? {}).sort()).toEqual([...(e.meta ?? [])].sort())
    })
  }

  it('DuplicateInvitations names every offender in meta.email_addresses, and creates nothing', async () => {
    await req('POST', '/v1/invitations', {email_address: 'p1@x.test'})
    await req('POST', '/v1/invitations', {email_address: 'p2@x.test'})
    const before = t.emu.store.collection('invitations').size
    const r = await req('POST', '/v1/invitations/bulk', [
      {email_address: 'p1@x.test'},
      {email_address: 'ok@x.test'},
      {email_address: 'p2@x.test'},
    ])
    expect(r.body.errors[0].meta).toEqual({email_addresses: ['p1@x.test', 'p2@x.test']})
    expect(r.body.errors[0].long_message).toBe(
      'There are already pending invitations for the following email addresses: p1@x.test, p2@x.test',
    )
    expect(t.emu.store.collection('invitations').size).toBe(before)
  })
})
