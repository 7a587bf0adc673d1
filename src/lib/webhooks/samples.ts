/**
 * Realistic payloads for `webhooks trigger`, in Clerk's event envelope: `data` has the shape Clerk sends
 * for the type (a User for user.*, a DeletedObject for *.deleted, a Session with its user for session.*,
 * ...), with fresh ids and times.
 */
import {randomBytes} from 'node:crypto'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const id = (prefix: string) => `${prefix}_${[...randomBytes(27)].map((b) => ALPHABET[b % 62]).join('')}`

function user(now: number): Json {
  const userId = id('user')
  const emailId = id('idn')
  return {
    object: 'user',
    id: userId,
    external_id: null,
    username: null,
    first_name: 'Ada',
    last_name: 'Lovelace',
    image_url: 'https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9',
    has_image: false,
    primary_email_address_id: emailId,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: [
      {
        object: 'email_address',
        id: emailId,
        email_address: 'ada@example.com',
        reserved: false,
        verification: {
          object: 'verification_from_oauth',
          status: 'verified',
          strategy: 'admin',
          attempts: null,
          expire_at: null,
        },
        linked_to: [],
        created_at: now,
        updated_at: now,
      },
    ],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    delete_self_enabled: true,
    create_organization_enabled: true,
    last_sign_in_at: null,
    last_active_at: null,
    legal_accepted_at: null,
    created_at: now,
    updated_at: now,
  }
}

function organization(now: number): Json {
  return {
    object: 'organization',
    id: id('org'),
    name: 'Acme Inc',
    slug: 'acme-inc',
    image_url: 'https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9',
    has_image: false,
    max_allowed_memberships: 0,
    admin_delete_enabled: true,
    public_metadata: {},
    private_metadata: {},
    created_by: id('user'),
    created_at: now,
    updated_at: now,
  }
}

function membership(now: number): Json {
  const u = user(now)
  return {
    object: 'organization_membership',
    id: id('orgmem'),
    role: 'org:member',
    role_name: 'Member',
    permissions: ['org:sys_memberships:read'],
    public_metadata: {},
    private_metadata: {},
    organization: organization(now),
    public_user_data: {
      user_id: u.id,
      first_name: u.first_name,
      last_name: u.last_name,
      image_url: u.image_url,
      has_image: false,
      identifier: 'ada@example.com',
      username: null,
    },
    created_at: now,
    updated_at: now,
  }
}

function orgInvitation(now: number, status: string): Json {
  return {
    object: 'organization_invitation',
    id: id('orginv'),
    email_address: 'grace@example.com',
    role: 'org:member',
    role_name: 'Member',
    organization_id: id('org'),
    status,
    public_metadata: {},
    private_metadata: {},
    ...(status === 'accepted' ? {user_id: id('user')} : {}),
    expires_at: now + 30 * 86_400_000,
    created_at: now,
    updated_at: now,
  }
}

function session(now: number, status: string): Json {
  const u = user(now)
  return {
    object: 'session',
    id: id('sess'),
    user_id: u.id,
    client_id: id('client'),
    actor: null,
    status,
    last_active_organization_id: null,
    last_active_at: now,
    expire_at: now + 7 * 86_400_000,
    abandon_at: now + 30 * 86_400_000,
    created_at: now,
    updated_at: now,
    user: u,
  }
}

const deleted = (object: string, prefix: string): Json => ({object, id: id(prefix), deleted: true})

const SAMPLES: Record<string, (now: number) => Json> = {
  'user.created': user,
  'user.updated': user,
  'user.deleted': () => deleted('user', 'user'),
  'organization.created': organization,
  'organization.updated': organization,
  'organization.deleted': () => deleted('organization', 'org'),
  'organizationMembership.created': membership,
  'organizationMembership.updated': membership,
  'organizationMembership.deleted': membership,
  'organizationInvitation.created': (n) => orgInvitation(n, 'pending'),
  'organizationInvitation.accepted': (n) => orgInvitation(n, 'accepted'),
  'organizationInvitation.revoked': (n) => orgInvitation(n, 'revoked'),
  'organizationDomain.created': (n) => ({
    object: 'organization_domain',
    id: id('orgdmn'),
    name: 'acme.com',
    organization_id: id('org'),
    enrollment_mode: 'automatic_invitation',
    verification: null,
    affiliation_email_address: null,
    total_pending_invitations: 0,
    total_pending_suggestions: 0,
    created_at: n,
    updated_at: n,
  }),
  'organizationDomain.deleted': () => deleted('organization_domain', 'orgdmn'),
  'session.created': (n) => session(n, 'active'),
  'session.ended': (n) => session(n, 'ended'),
  'session.removed': (n) => session(n, 'removed'),
  'session.revoked': (n) => session(n, 'revoked'),
  'email.created': (n) => ({
    object: 'email',
    id: id('ema'),
    slug: 'verification_code',
    from_email_name: 'notifications',
    to_email_address: 'ada@example.com',
    email_address_id: id('idn'),
    user_id: id('user'),
    subject: '123456 is your verification code',
    body: '<p>123456 is your verification code</p>',
    body_plain: '123456 is your verification code',
    status: 'queued',
    data: {otp_code: '123456', app: {name: 'Acme'}},
    delivered_by_clerk: false,
    created_at: n,
  }),
  'sms.created': () => ({
    object: 'sms_message',
    id: id('sms'),
    from_phone_number: '+15555550100',
    to_phone_number: '+15555550123',
    phone_number_id: id('idn'),
    user_id: id('user'),
    message: '123456 is your verification code',
    status: 'queued',
    slug: 'verification_code',
    data: {otp_code: '123456'},
    delivered_by_clerk: false,
  }),
  'waitlistEntry.created': (n) => ({
    object: 'waitlist_entry',
    id: id('wle'),
    email_address: 'ada@example.com',
    status: 'pending',
    is_locked: false,
    invitation: null,
    created_at: n,
    updated_at: n,
  }),
  'waitlistEntry.updated': (n) => ({
    object: 'waitlist_entry',
    id: id('wle'),
    email_address: 'ada@example.com',
    status: 'invited',
    is_locked: false,
    invitation: null,
    created_at: n,
    updated_at: n,
  }),
  'role.created': (n) => ({
    object: 'role',
    id: id('role'),
    name: 'Billing',
    key: 'org:billing',
    description: 'Manages invoices',
    permissions: [],
    is_creator_eligible: false,
    created_at: n,
    updated_at: n,
  }),
  'permission.created': (n) => ({
    object: 'permission',
    id: id('perm'),
    name: 'Read invoices',
    key: 'org:invoices:read',
    description: 'Read invoices',
    type: 'user',
    created_at: n,
    updated_at: n,
  }),
}

export const EVENT_TYPES = Object.keys(SAMPLES)

export function sampleData(type: string, now = Date.now()): Json | undefined {
  return SAMPLES[type]?.(now)
}

/** Clerk's envelope: data, event_attributes, instance_id, object: "event", timestamp (ms), type. */
export function eventEnvelope(type: string, data: Json, instanceId: string, now = Date.now()): Json {
  return {
    data,
    event_attributes: {http_request: {client_ip: '127.0.0.1', user_agent: 'clerk-admin webhooks trigger'}},
    instance_id: instanceId,
    object: 'event',
    timestamp: now,
    type,
  }
}

export const newInstanceId = () => id('ins')
