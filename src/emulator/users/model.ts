/**
 * The BAPI `User` object and its parts (EmailAddress, PhoneNumber, Web3Wallet), built exactly in the
 * shape of the OpenAPI spec's schemas. Users are stored in this JSON shape, so a response is the stored object.
 */
import {newId} from '../ids.js'
import type {Indexer, Json, JsonObject} from '../json.js'

export type IdentificationStatus = 'verified' | 'reserved'

/** Unique indexes of the users collection (emails and usernames compare case-insensitively). */
export const USER_INDEXES: Record<string, Indexer<JsonObject>> = {
  email: (u) => (u.email_addresses as Json[]).map((e) => String(e.email_address).toLowerCase()),
  phone: (u) => (u.phone_numbers as Json[]).map((p) => String(p.phone_number)),
  web3: (u) => (u.web3_wallets as Json[]).map((w) => String(w.web3_wallet).toLowerCase()),
  username: (u) => (u.username ? [String(u.username).toLowerCase()] : []),
  external_id: (u) => (u.external_id ? [String(u.external_id)] : []),
}

const adminVerification = () => ({
  object: 'verification_admin',
  status: 'verified',
  strategy: 'admin',
  attempts: null,
  expire_at: null,
})

export function emailObject(address: string, status: IdentificationStatus, now: number): Json {
  return {
    id: newId('idn'),
    object: 'email_address',
    email_address: address,
    reserved: status === 'reserved',
    verification: status === 'verified' ? adminVerification() : null,
    linked_to: [],
    matches_sso_connection: false,
    created_at: now,
    updated_at: now,
  }
}

export function phoneObject(phone: string, status: IdentificationStatus, now: number): Json {
  return {
    id: newId('idn'),
    object: 'phone_number',
    phone_number: phone,
    reserved_for_second_factor: false,
    default_second_factor: false,
    reserved: status === 'reserved',
    verification: status === 'verified' ? adminVerification() : null,
    linked_to: [],
    backup_codes: null,
    created_at: now,
    updated_at: now,
  }
}

export function web3Object(wallet: string, now: number): Json {
  return {
    id: newId('idn'),
    object: 'web3_wallet',
    web3_wallet: wallet,
    verification: adminVerification(),
    created_at: now,
    updated_at: now,
  }
}

/** Clerk's default avatar URL: img.clerk.com + base64url of a small JSON descriptor. */
export function defaultImageUrl(userId: string): string {
  return `https://img.clerk.com/${Buffer.from(JSON.stringify({type: 'default', iid: 'ins_emulator', rid: userId})).toString('base64url')}`
}

export interface NewUserFields {
  id?: string
  emails?: Json[]
  phones?: Json[]
  wallets?: Json[]
  username?: string | null
  first_name?: string | null
  last_name?: string | null
  locale?: string | null
  external_id?: string | null
  password_enabled?: boolean
  totp_enabled?: boolean
  backup_code_enabled?: boolean
  public_metadata?: Json
  private_metadata?: Json
  unsafe_metadata?: Json
  created_at?: number
  legal_accepted_at?: number | null
  banned?: boolean
  locked?: boolean
  delete_self_enabled?: boolean
  create_organization_enabled?: boolean
  create_organizations_limit?: number | null
  bypass_client_trust?: boolean
  last_sign_in_at?: number | null
  last_active_at?: number | null
}

/** A complete User object with BAPI's defaults for everything not given. */
export function buildUser(f: NewUserFields, now: number): JsonObject {
  const id = f.id ?? newId('user')
  const emails = f.emails ?? []
  const phones = f.phones ?? []
  const wallets = f.wallets ?? []
  const created = f.created_at ?? now
  const mfa = Boolean(f.totp_enabled || f.backup_code_enabled)
  return {
    id,
    object: 'user',
    username: f.username ?? null,
    first_name: f.first_name ?? null,
    last_name: f.last_name ?? null,
    locale: f.locale ?? null,
    image_url: defaultImageUrl(id),
    has_image: false,
    primary_email_address_id: emails.find((e) => !e.reserved)?.id ?? emails[0]?.id ?? null,
    primary_phone_number_id: phones.find((p) => !p.reserved)?.id ?? phones[0]?.id ?? null,
    primary_web3_wallet_id: wallets[0]?.id ?? null,
    password_enabled: f.password_enabled ?? false,
    two_factor_enabled: mfa,
    totp_enabled: f.totp_enabled ?? false,
    backup_code_enabled: f.backup_code_enabled ?? false,
    email_addresses: emails,
    phone_numbers: phones,
    web3_wallets: wallets,
    passkeys: [],
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    public_metadata: f.public_metadata ?? {},
    private_metadata: f.private_metadata ?? {},
    unsafe_metadata: f.unsafe_metadata ?? {},
    external_id: f.external_id ?? null,
    last_sign_in_at: f.last_sign_in_at ?? null,
    banned: f.banned ?? false,
    locked: f.locked ?? false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    created_at: created,
    updated_at: created > now ? created : now,
    delete_self_enabled: f.delete_self_enabled ?? true,
    create_organization_enabled: f.create_organization_enabled ?? true,
    create_organizations_limit: f.create_organizations_limit ?? null,
    last_active_at: f.last_active_at ?? null,
    mfa_enabled_at: mfa ? now : null,
    mfa_disabled_at: null,
    password_last_updated_at: f.password_enabled ? now : null,
    legal_accepted_at: f.legal_accepted_at ?? null,
    bypass_client_trust: f.bypass_client_trust ?? false,
    profile_image_url: 'https://www.gravatar.com/avatar?d=mp',
  }
}

export const primaryEmail = (u: Json): string | null =>
  (u.email_addresses as Json[]).find((e) => e.id === u.primary_email_address_id)?.email_address ?? null
export const primaryPhone = (u: Json): string | null =>
  (u.phone_numbers as Json[]).find((p) => p.id === u.primary_phone_number_id)?.phone_number ?? null
export const primaryWeb3 = (u: Json): string | null =>
  (u.web3_wallets as Json[]).find((w) => w.id === u.primary_web3_wallet_id)?.web3_wallet ?? null
