/**
 * Request-body checks for the user routes, with BAPI's 422 codes: unknown parameters, wrong types,
 * malformed emails/phones, short passwords, and identifiers already taken by another user.
 */
import {
  conditionalMissing,
  emailInvalid,
  identifierExists,
  paramMissing,
  paramNil,
  paramUnknown,
  passwordTooShort,
  phoneInvalid,
  raise,
  timeInvalid,
  typeInvalid,
  valueInvalid,
} from '../errors.js'
import type {Collection, Json, JsonObject} from '../store.js'
import {isPlainObject} from '../json.js'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const E164 = /^\+[1-9]\d{6,14}$/
const USERNAME = /^[A-Za-z0-9_.-]{4,64}$/

export const PASSWORD_HASHERS = new Set([
  'argon2i',
  'argon2id',
  'awscognito',
  'bcrypt',
  'bcrypt_peppered',
  'bcrypt_sha256_django',
  'hmac_sha256_utf16_b64',
  'ldap_ssha',
  'md5',
  'md5_phpass',
  'md5_salted',
  'pbkdf2_sha1',
  'pbkdf2_sha256',
  'pbkdf2_sha256_django',
  'pbkdf2_sha512',
  'pbkdf2_sha512_hex',
  'phpass',
  'scrypt_firebase',
  'scrypt_werkzeug',
  'sha256',
  'sha256_salted',
  'sha512_symfony',
])

type Kind = 'string' | 'string?' | 'strings' | 'boolean' | 'integer' | 'object'

export const CREATE_PARAMS: Record<string, Kind> = {
  external_id: 'string?',
  first_name: 'string?',
  last_name: 'string?',
  locale: 'string?',
  email_address: 'strings',
  email_address_identification_status: 'strings',
  phone_number: 'strings',
  phone_number_identification_status: 'strings',
  web3_wallet: 'strings',
  username: 'string?',
  password: 'string?',
  password_digest: 'string?',
  password_hasher: 'string?',
  skip_password_checks: 'boolean',
  skip_password_requirement: 'boolean',
  totp_secret: 'string?',
  backup_codes: 'strings',
  public_metadata: 'object',
  private_metadata: 'object',
  unsafe_metadata: 'object',
  delete_self_enabled: 'boolean',
  legal_accepted_at: 'string?',
  skip_legal_checks: 'boolean',
  skip_user_requirement: 'boolean',
  create_organization_enabled: 'boolean',
  create_organizations_limit: 'integer',
  created_at: 'string?',
  bypass_client_trust: 'boolean',
  banned: 'boolean',
  locked: 'boolean',
}

export const UPDATE_PARAMS: Record<string, Kind> = {
  external_id: 'string?',
  first_name: 'string?',
  last_name: 'string?',
  locale: 'string?',
  primary_email_address_id: 'string?',
  notify_primary_email_address_changed: 'boolean',
  primary_phone_number_id: 'string?',
  primary_web3_wallet_id: 'string?',
  username: 'string?',
  profile_image_id: 'string?',
  password: 'string?',
  password_digest: 'string?',
  password_hasher: 'string?',
  skip_password_checks: 'boolean',
  sign_out_of_other_sessions: 'boolean',
  totp_secret: 'string?',
  backup_codes: 'strings',
  delete_self_enabled: 'boolean',
  create_organization_enabled: 'boolean',
  legal_accepted_at: 'string?',
  skip_legal_checks: 'boolean',
  create_organizations_limit: 'integer',
  created_at: 'string?',
  bypass_client_trust: 'boolean',
}

export const METADATA_PARAMS: Record<string, Kind> = {
  public_metadata: 'object',
  private_metadata: 'object',
  unsafe_metadata: 'object',
}

/** Reject parameters the route does not know and values of the wrong type (null is allowed where the spec says nullable). */
export function checkParams(body: Json, allowed: Record<string, Kind>): void {
  for (const [key, value] of Object.entries(body)) {
    const kind = allowed[key]
    if (!kind) throw paramUnknown(key)
    if (value === null || value === undefined) {
      if (kind === 'string?' || kind === 'boolean' || kind === 'integer') continue
      throw paramNil(key)
    }
    const okType =
      kind === 'string?'
        ? typeof value === 'string'
        : kind === 'strings'
          ? Array.isArray(value) && value.every((v) => typeof v === 'string')
          : kind === 'boolean'
            ? typeof value === 'boolean'
            : kind === 'integer'
              ? Number.isInteger(value)
              : isPlainObject(value)
    if (!okType) throw typeInvalid(key, describe(kind))
  }
}

const describe = (k: Kind) =>
  ({
    string: 'string',
    'string?': 'string',
    strings: 'array of strings',
    boolean: 'boolean',
    integer: 'integer',
    object: 'object',
  })[k]

export function checkEmail(address: string, param = 'email_address'): void {
  if (!EMAIL.test(address)) throw emailInvalid(param)
}

export function checkPhone(phone: string, param = 'phone_number'): void {
  if (!E164.test(phone)) throw phoneInvalid(param)
}

export function checkUsername(username: string): void {
  if (username.length < 4 || username.length > 64)
    throw raise('FormUsernameInvalidLength', {}, {param_name: 'username'})
  if (!USERNAME.test(username)) throw raise('FormUsernameInvalidCharacter', {}, {param_name: 'username'})
}

export function checkPassword(body: Json): void {
  if (typeof body.password === 'string' && body.password.length < 8 && !body.skip_password_checks)
    throw passwordTooShort()
  if (body.password_digest != null && body.password_hasher == null)
    throw conditionalMissing('password_hasher', 'password_digest')
  if (body.password_hasher != null) {
    if (body.password_digest == null) throw conditionalMissing('password_digest', 'password_hasher')
    if (!PASSWORD_HASHERS.has(body.password_hasher))
      throw valueInvalid(
        'password_hasher',
        `password_hasher "${body.password_hasher}" is not a supported hashing algorithm.`,
      )
  }
}

export function parseStatuses(values: string[] | undefined, count: number, param: string): ('verified' | 'reserved')[] {
  if (!values || values.length === 0) return Array(count).fill('verified')
  if (values.length !== count)
    throw valueInvalid(
      param,
      `${param} must contain exactly one item per ${param.replace('_identification_status', '')}.`,
    )
  for (const v of values)
    if (v !== 'verified' && v !== 'reserved')
      throw valueInvalid(param, `${param} items must be one of: verified, reserved.`)
  return values as ('verified' | 'reserved')[]
}

/** An RFC 3339 timestamp param -> epoch ms (422 form_param_invalid_time when malformed). */
export function parseTimestamp(value: unknown, param: string): number | undefined {
  if (value === undefined || value === null) return undefined
  const ms = Date.parse(String(value))
  if (!/^\d{4}-\d\d-\d\dT/.test(String(value)) || Number.isNaN(ms)) throw timeInvalid(param)
  return ms
}

/** 422 form_identifier_exists when `value` is held in `index` by a user other than `selfId`. */
export function checkUnique(
  users: Collection<JsonObject>,
  index: string,
  value: string,
  param: string,
  selfId?: string,
): void {
  const holder = users.findBy(index, value)
  if (holder && holder !== selfId) throw identifierExists(param)
}

/** Values repeated within one request count as taken too. */
export function checkNoRepeats(values: string[], param: string): void {
  if (new Set(values).size !== values.length) throw identifierExists(param)
}

export function requireString(body: Json, key: string): string {
  const v = body[key]
  if (v === undefined || v === null || v === '') throw paramMissing(key)
  if (typeof v !== 'string') throw typeInvalid(key, 'string')
  return v
}
