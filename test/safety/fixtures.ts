/**
 * Real objects in a test emulator, made through its HTTP API (as Clerk would hold them), for the safety
 * tests that drive every destructive / dry-run command: each call makes fresh ones, so a command that
 * acts consumes only its own.
 */
import {expect} from 'vitest'

import type {Harness} from '../helpers/harness.js'

export interface Fixtures {
  user: string
  user2: string
  email: string
  org: string
  orgSlug: string
  member: string
  orgInvitation: string
  invitation: string
  session: string
  /** the user the session belongs to */
  sessionUser: string
  jwtTemplate: string
  redirectUrl: string
  waitlistEntry: string
  allowlist: string
  blocklist: string
  signInToken: string
  actorToken: string
  /** a custom permission and a custom role holding it (keys) */
  permissionKey: string
  roleKey: string
  /** a user with a password, a second email, a second phone and a passkey */
  secureUser: string
  extraEmail: string
  extraPhone: string
  passkey: string
  /** a domain of `org` (domains are enabled in the organization settings) and a satellite instance domain */
  orgDomain: string
  satelliteDomain: string
  /** a machine that may reach machine2, an M2M token it minted, and an API key of `user` */
  machine: string
  machine2: string
  m2mToken: string
  apiKey: string
}

let n = 0

/** A verified passkey on a user, put straight into the emulator's store (BAPI has no route that creates one). */
export function givePasskey(t: Harness, userId: string, id: string, name = 'Old key'): void {
  const stored = t.emu.store.users.get(userId)!
  t.emu.store.users.set({
    ...stored,
    passkeys: [
      {
        id,
        object: 'passkey',
        name,
        last_used_at: Date.now(),
        verification: {
          object: 'verification_passkey',
          status: 'verified',
          strategy: 'passkey',
          attempts: null,
          expire_at: null,
        },
      },
    ],
  })
}

export async function makeFixtures(t: Harness): Promise<Fixtures> {
  const k = `${process.pid}x${++n}`
  const post = async (path: string, body: unknown): Promise<string> => {
    const r = await t.emu.request('POST', path, body)
    expect(r.status, `POST ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300)
    return r.body.id as string
  }
  const [u1, u2, u3] = t.emu.store.seedUsers(3)
  const user = String(u1.id)
  const member = String(u2.id)
  const email = `safety-${k}@example.com`
  const user2 = await post('/v1/users', {email_address: [email]})
  const orgSlug = `safety-${k}`.toLowerCase()
  const org = await post('/v1/organizations', {name: `Safety ${k}`, slug: orgSlug, created_by: user})
  await post(`/v1/organizations/${org}/memberships`, {user_id: member, role: 'org:member'})
  const permissionKey = `org:safety${n}:read`
  await post('/v1/organization_permissions', {key: permissionKey, name: `Read ${k}`})
  const roleKey = `org:safety${n}`
  await post('/v1/organization_roles', {key: roleKey, name: `Safety ${k}`, permissions: [permissionKey]})
  const secureUser = await post('/v1/users', {
    email_address: [`secure-${k}@example.com`],
    password: 'safety-password-1',
  })
  const extraEmail = `extra-${k}@example.com`
  await post('/v1/email_addresses', {user_id: secureUser, email_address: extraEmail})
  const extraPhone = `+1555555${String(1000 + (n % 9000)).padStart(4, '0')}`
  await post('/v1/phone_numbers', {user_id: secureUser, phone_number: extraPhone})
  const passkey = `idn_pk${process.pid}x${n}`
  givePasskey(t, secureUser, passkey)
  await t.emu.request('PATCH', '/v1/instance/organization_settings', {domains_enabled: true})
  const orgDomain = await post(`/v1/organizations/${org}/domains`, {name: `${orgSlug}.example.com`})
  const satelliteDomain = await post('/v1/domains', {name: `sat-${orgSlug}.example.com`, is_satellite: true})
  const machine2 = await post('/v1/machines', {name: `Safety target ${k}`})
  const m = await t.emu.request('POST', '/v1/machines', {name: `Safety ${k}`, scoped_machines: [machine2]})
  expect(m.status).toBe(200)
  const minted = await t.emu.request('POST', '/m2m_tokens', {}, {authorization: `Bearer ${m.body.secret_key}`})
  expect(minted.status).toBe(201)
  const apiKey = await post('/api_keys', {name: `safety-${k}`, subject: user})
  return {
    orgDomain,
    satelliteDomain,
    machine: m.body.id,
    machine2,
    m2mToken: minted.body.id,
    apiKey,
    permissionKey,
    roleKey,
    secureUser,
    extraEmail,
    extraPhone,
    passkey,
    user,
    user2,
    email,
    org,
    orgSlug,
    member,
    orgInvitation: await post(`/v1/organizations/${org}/invitations`, {
      email_address: `orginv-${k}@example.com`,
      role: 'org:member',
    }),
    invitation: await post('/v1/invitations', {email_address: `inv-${k}@example.com`, notify: false}),
    session: await post('/v1/sessions', {user_id: String(u3.id)}),
    sessionUser: String(u3.id),
    jwtTemplate: await post('/v1/jwt_templates', {name: `tmpl-${k}`, claims: {a: 1}}),
    redirectUrl: await post('/v1/redirect_urls', {url: `https://safety-${k}.example.com/cb`}),
    waitlistEntry: await post('/v1/waitlist_entries', {email_address: `wl-${k}@example.com`}),
    allowlist: await post('/v1/allowlist_identifiers', {identifier: `allow-${k}@example.com`, notify: false}),
    blocklist: await post('/v1/blocklist_identifiers', {identifier: `block-${k}@example.com`}),
    signInToken: await post('/v1/sign_in_tokens', {user_id: user}),
    actorToken: await post('/v1/actor_tokens', {user_id: user, actor: {sub: member}}),
  }
}

/** The requests in a log that could change something (anything but GET/HEAD and token verification). */
export const changing = (log: Array<{method: string; path: string}>) =>
  log
    .filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && !/\/verify$/.test(r.path))
    .map((r) => `${r.method} ${r.path}`)
