import type {Client, Query} from '../../http/client.js'
import {type Columns, formatTime, isoTime} from '../../output/columns.js'
import {paginate} from '../../http/pagers.js'

/** A user as BAPI returns it (snake_case). Only the fields the CLI reads are typed. */
export interface BapiUser {
  id: string
  first_name: string | null
  last_name: string | null
  username: string | null
  external_id: string | null
  primary_email_address_id: string | null
  email_addresses: Array<{id: string; email_address: string}>
  phone_numbers?: Array<{id: string; phone_number: string}>
  primary_phone_number_id?: string | null
  banned?: boolean
  locked?: boolean
  created_at: number
  updated_at?: number
  last_sign_in_at: number | null
  [key: string]: unknown
}

export function primaryEmail(u: BapiUser): string {
  const list = u.email_addresses ?? []
  return (list.find((e) => e.id === u.primary_email_address_id) ?? list[0])?.email_address ?? ''
}

const fullName = (u: BapiUser) => [u.first_name, u.last_name].filter(Boolean).join(' ')

/** Table/CSV columns for users; tables show short times, CSV exact ISO ones. */
export function userColumns(format: string): Columns<BapiUser> {
  const time = format === 'csv' ? isoTime : formatTime
  return {
    id: {header: 'ID', get: (u) => u.id},
    email: {header: 'EMAIL', get: primaryEmail},
    name: {header: 'NAME', get: fullName},
    first_name: {header: 'FIRST NAME', get: (u) => u.first_name},
    last_name: {header: 'LAST NAME', get: (u) => u.last_name},
    username: {header: 'USERNAME', get: (u) => u.username},
    external_id: {header: 'EXTERNAL ID', get: (u) => u.external_id},
    phone: {
      header: 'PHONE',
      get: (u) => u.phone_numbers?.find((p) => p.id === u.primary_phone_number_id)?.phone_number ?? '',
    },
    banned: {header: 'BANNED', get: (u) => u.banned ?? false},
    locked: {header: 'LOCKED', get: (u) => u.locked ?? false},
    created: {header: 'CREATED', get: (u) => time(u.created_at)},
    last_sign_in: {header: 'LAST SIGN-IN', get: (u) => time(u.last_sign_in_at)},
    public_metadata: {header: 'PUBLIC METADATA', get: (u) => u.public_metadata},
  }
}

export const USER_DEFAULT_COLUMNS = ['id', 'email', 'name', 'created', 'last_sign_in']

/** Filters of GET /v1/users and /v1/users/count, as BAPI names them (arrays are repeated keys). */
export interface UserFilter {
  email_address?: string[]
  user_id?: string[]
  external_id?: string[]
  phone_number?: string[]
  username?: string[]
  query?: string
  order_by?: string
  [key: string]: Query[string]
}

export const countUsers = async (client: Client, filter: UserFilter) =>
  (await client.request<{total_count: number}>('GET', '/users/count', {query: filter})).total_count

export const listUsersPage = (client: Client, filter: UserFilter, offset: number, limit: number) =>
  client.request<BapiUser[]>('GET', '/users', {query: {...filter, limit, offset}})

/** Every user matching `filter`: one count, then one request per page, a few pages ahead. */
export function allUsers(client: Client, filter: UserFilter, opts: {pageSize: number; offset?: number; max?: number}) {
  return paginate<BapiUser>(
    {
      page: (offset, limit) => listUsersPage(client, filter, offset, limit),
      count: () => countUsers(client, filter),
    },
    opts,
  )
}

/** Columns shown after a change to one user (create, update, ban, lock, metadata). */
export const USER_CHANGED_COLUMNS = ['id', 'email', 'name', 'username', 'external_id', 'banned', 'locked']

/** Every key of a BAPI User object (spec/openapi.yml, components.schemas.User): what `users export` writes. */
export const USER_OBJECT_KEYS = [
  'backup_code_enabled',
  'banned',
  'bypass_client_trust',
  'create_organization_enabled',
  'create_organizations_limit',
  'created_at',
  'delete_self_enabled',
  'deprovisioned',
  'email_addresses',
  'enterprise_accounts',
  'external_accounts',
  'external_id',
  'first_name',
  'has_image',
  'id',
  'image_url',
  'last_active_at',
  'last_name',
  'last_sign_in_at',
  'legal_accepted_at',
  'locale',
  'locked',
  'lockout_expires_in_seconds',
  'mfa_disabled_at',
  'mfa_enabled_at',
  'object',
  'organization_memberships',
  'passkeys',
  'password_enabled',
  'password_last_updated_at',
  'phone_numbers',
  'primary_email_address_id',
  'primary_phone_number_id',
  'primary_web3_wallet_id',
  'private_metadata',
  'profile_image_url',
  'public_metadata',
  'saml_accounts',
  'scim',
  'totp_enabled',
  'two_factor_enabled',
  'unsafe_metadata',
  'updated_at',
  'username',
  'verification_attempts_remaining',
  'web3_wallets',
]

/** The columns `users export -o csv` can write (its header names). */
export const userExportColumnNames = () => Object.keys(userColumns('csv'))
