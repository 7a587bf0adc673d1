/**
 * `clerk users import`: one POST /v1/users per row, with `--on-conflict skip|update|fail` keyed by
 * external_id (else email, phone, username). Idempotent without server idempotency keys: a create that
 * hits an existing key is skipped or turned into an update, and a create whose answer was lost (network,
 * 5xx, a killed run) is reconciled by looking the user up by its key before anything is sent again.
 *
 * Rows: CSV columns or JSONL fields named as BAPI's create-user body (email_address or email, phone_number
 * or phone, username, first_name, last_name, external_id, password, password_digest + password_hasher,
 * totp_secret, backup_codes, public/private/unsafe_metadata as JSON, created_at, legal_accepted_at, locale).
 * A BAPI User object (e.g. a line of `clerk users export`) is accepted as is.
 */
import {EMAIL} from '../../util/patterns.js'
import type {Client} from '../../http/client.js'
import {ApiError} from '../../http/client.js'
import {type BapiUser, USER_OBJECT_KEYS, userExportColumnNames} from './users.js'
import type {BulkRecord} from '../../bulk/input.js'
import {PASSWORD_HASHERS} from './body.js'
import {type BulkJob, type Item, type Outcome, type Prepared, outcomeFromError} from '../../bulk/runner.js'

const HASHERS = new Set(PASSWORD_HASHERS)

export const ON_CONFLICT = ['skip', 'update', 'fail'] as const
export type OnConflict = (typeof ON_CONFLICT)[number]
export const KEY_FIELDS = ['auto', 'external_id', 'email'] as const
export type KeyBy = (typeof KEY_FIELDS)[number]

export interface ImportOptions {
  onConflict: OnConflict
  keyBy: KeyBy
  /** skip_password_checks on every row (plain passwords from a legacy system) */
  skipPasswordChecks?: boolean
  /** skip_password_requirement for rows without a password */
  skipPasswordRequirement?: boolean
}

/** The lookup filter of GET /v1/users that finds the row's user. */
type LookupField = 'external_id' | 'email_address' | 'phone_number' | 'username'

export interface ImportRow {
  body: Record<string, unknown>
  lookup: {field: LookupField; value: string}
  /** said once in the readiness check, e.g. a password_hasher outside Clerk's documented list */
  warnings?: string[]
}

const STATUSES = ['verified', 'reserved']

const E164 = /^\+[1-9]\d{6,14}$/
const UPDATABLE = [
  'first_name',
  'last_name',
  'username',
  'locale',
  'password',
  'password_digest',
  'password_hasher',
  'skip_password_checks',
  'totp_secret',
  'backup_codes',
  'created_at',
  'legal_accepted_at',
  'external_id',
]
const METADATA = ['public_metadata', 'private_metadata', 'unsafe_metadata']
const STRINGS = [
  'username',
  'first_name',
  'last_name',
  'external_id',
  'password',
  'password_digest',
  'password_hasher',
  'totp_secret',
  'locale',
]

/** What an import row may hold: the create-user fields, their aliases, and whatever `users export` writes. */
const IMPORT_FIELDS = () => [
  ...new Set([
    ...STRINGS,
    ...UPDATABLE,
    ...METADATA,
    'email_address',
    'email',
    'phone_number',
    'phone',
    'skip_password_requirement',
    ...USER_OBJECT_KEYS,
    ...userExportColumnNames(),
  ]),
]

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

/** `a@x.io` or `a@x.io;b@x.io` or ['a@x.io'] or [{email_address: 'a@x.io'}] -> ['a@x.io'] */
function list(value: unknown, field: string): string[] {
  if (blank(value)) return []
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)[field] ?? '') : String(v),
      )
      .filter(Boolean)
  }
  return String(value)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
}

function bool(value: unknown, name: string): boolean | undefined {
  if (blank(value)) return undefined
  if (typeof value === 'boolean') return value
  const s = String(value).trim().toLowerCase()
  if (['true', '1', 'yes'].includes(s)) return true
  if (['false', '0', 'no'].includes(s)) return false
  throw new Error(`${name} must be true or false`)
}

function time(value: unknown, name: string): string | undefined {
  if (blank(value)) return undefined
  const ms = typeof value === 'number' || /^\d{10,}$/.test(String(value)) ? Number(value) : Date.parse(String(value))
  if (Number.isNaN(ms)) throw new Error(`${name} must be an RFC 3339 time or epoch milliseconds`)
  return new Date(ms).toISOString()
}

function metadata(value: unknown, name: string): Record<string, unknown> | undefined {
  if (blank(value)) return undefined
  let v = value
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v)
    } catch {
      throw new Error(`${name} is not valid JSON`)
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${name} must be a JSON object`)
  return v as Record<string, unknown>
}

/** Every column prepareUser reads (the plan lists the other accepted ones as ignored). */
const IMPORT_READS = [
  ...STRINGS,
  'email_address',
  'email',
  'email_addresses',
  'phone_number',
  'phone',
  'phone_numbers',
  ...METADATA,
  'created_at',
  'legal_accepted_at',
  'skip_password_checks',
  'skip_password_requirement',
  'skip_legal_checks',
  'delete_self_enabled',
  'create_organization_enabled',
  'backup_codes',
]

/** Validate one row and build the POST /v1/users body (throws a message for an invalid row). */
export function prepareUser(record: BulkRecord, options: ImportOptions): Prepared<ImportRow> {
  const r = record
  const emails = list(r.email_address ?? r.email ?? r.email_addresses, 'email_address')
  const phones = list(r.phone_number ?? r.phone ?? r.phone_numbers, 'phone_number')
  const body: Record<string, unknown> = {}
  for (const k of STRINGS) if (!blank(r[k])) body[k] = String(r[k]).trim()
  if (emails.length) body.email_address = emails
  if (phones.length) body.phone_number = phones
  for (const e of emails) if (!EMAIL.test(e)) return {error: `email "${e}" is not a valid email address`}
  for (const p of phones) if (!E164.test(p)) return {error: `phone "${p}" is not an E.164 number (e.g. +15551234567)`}
  try {
    for (const k of METADATA) {
      const m = metadata(r[k], k)
      if (m) body[k] = m
    }
    for (const k of ['created_at', 'legal_accepted_at']) {
      const t = time(r[k], k)
      if (t) body[k] = t
    }
    for (const k of [
      'skip_password_checks',
      'skip_password_requirement',
      'skip_legal_checks',
      'delete_self_enabled',
      'create_organization_enabled',
      'banned',
    ]) {
      const b = bool(r[k], k)
      if (b !== undefined) body[k] = b
    }
  } catch (error) {
    return {error: (error as Error).message}
  }
  const codes = list(r.backup_codes, 'code')
  if (codes.length) body.backup_codes = codes
  for (const [param, values] of [
    ['email_address_identification_status', emails],
    ['phone_number_identification_status', phones],
  ] as const) {
    const statuses = list(r[param], param).map((x) => x.toLowerCase())
    if (!statuses.length) continue
    if (statuses.length !== values.length)
      return {error: `${param} needs one status per ${param.replace('_identification_status', '')} (${values.length})`}
    const bad = statuses.find((x) => !STATUSES.includes(x))
    if (bad) return {error: `${param} "${bad}" is not one of: ${STATUSES.join(', ')}`}
    if (statuses.some((x) => x !== 'verified')) body[param] = statuses
  }
  const warnings: string[] = []
  if (body.password_digest !== undefined || body.password_hasher !== undefined) {
    if (body.password_digest === undefined) return {error: 'password_hasher given without password_digest'}
    if (body.password_hasher === undefined) return {error: 'password_digest given without password_hasher'}
    // The spec types password_hasher as a plain string: a name outside its prose list is sent as is (Clerk decides).
    if (!HASHERS.has(String(body.password_hasher)))
      warnings.push(`password_hasher "${body.password_hasher}" is not in Clerk's documented list; sent as is`)
    if (body.password !== undefined) return {error: 'give either password or password_digest, not both'}
  }
  if (options.skipPasswordChecks && body.password !== undefined) body.skip_password_checks = true
  if (options.skipPasswordRequirement && body.password === undefined && body.password_digest === undefined)
    body.skip_password_requirement = true
  if (typeof body.password === 'string' && body.password.length < 8 && !body.skip_password_checks) {
    return {error: 'password is shorter than 8 characters (use --skip-password-checks for legacy passwords)'}
  }
  if (!emails.length && !phones.length && body.username === undefined && !body.skip_user_requirement) {
    return {error: 'no email, phone or username: a user needs an identifier'}
  }
  let lookup: ImportRow['lookup']
  if (options.keyBy === 'external_id') {
    if (body.external_id === undefined) return {error: 'external_id is required (--key external_id)'}
    lookup = {field: 'external_id', value: String(body.external_id)}
  } else if (options.keyBy === 'email') {
    if (!emails.length) return {error: 'an email is required (--key email)'}
    lookup = {field: 'email_address', value: emails[0].toLowerCase()}
  } else if (body.external_id !== undefined) lookup = {field: 'external_id', value: String(body.external_id)}
  else if (emails.length) lookup = {field: 'email_address', value: emails[0].toLowerCase()}
  else if (phones.length) lookup = {field: 'phone_number', value: phones[0]}
  else lookup = {field: 'username', value: String(body.username).toLowerCase()}
  return {key: lookup.value, value: warnings.length ? {body, lookup, warnings} : {body, lookup}}
}

export async function findUser(client: Client, lookup: ImportRow['lookup']): Promise<BapiUser | undefined> {
  const users = await client.request<BapiUser[]>('GET', '/users', {query: {[lookup.field]: [lookup.value], limit: 1}})
  return users[0]
}

const isConflict = (e: unknown) =>
  e instanceof ApiError && e.status === 422 && e.errors.some((x) => x.code === 'form_identifier_exists')

async function updateUser(client: Client, id: string, body: Record<string, unknown>): Promise<void> {
  const patch: Record<string, unknown> = {}
  for (const k of UPDATABLE) if (body[k] !== undefined) patch[k] = body[k]
  if (Object.keys(patch).length) await client.request('PATCH', `/users/${id}`, {body: patch})
  const meta: Record<string, unknown> = {}
  for (const k of METADATA) if (body[k] !== undefined) meta[k] = body[k]
  if (Object.keys(meta).length) await client.request('PATCH', `/users/${id}/metadata`, {body: meta})
}

export function userImportJob(client: Client, options: ImportOptions): BulkJob<ImportRow> {
  return {
    name: 'users import',
    action: 'create users',
    fields: IMPORT_FIELDS(),
    reads: IMPORT_READS,
    prepare: (record) => prepareUser(record, options),
    planNotes: [
      `on conflict: ${options.onConflict} (rows keyed by ${options.keyBy === 'auto' ? 'external_id, else email, phone, username' : options.keyBy})`,
      ...(options.onConflict === 'update' ? ['  existing users: 1 look-up + PATCH user (+ PATCH metadata) each'] : []),
    ],
    async execute([item]: Array<Item<ImportRow>>): Promise<Outcome[]> {
      try {
        const user = await client.request<BapiUser>('POST', '/users', {body: item.value.body})
        return [{status: 'ok', id: user.id}]
      } catch (error) {
        if (!isConflict(error) || options.onConflict === 'fail') return [outcomeFromError(error)]
        try {
          const existing = await findUser(client, item.value.lookup)
          // The conflict is on another identifier (e.g. the username belongs to someone else): a real failure.
          if (!existing) return [outcomeFromError(error)]
          if (options.onConflict === 'skip')
            return [{status: 'skipped', id: existing.id, message: `exists (${item.value.lookup.field})`}]
          await updateUser(client, existing.id, item.value.body)
          return [{status: 'ok', id: existing.id, message: 'updated'}]
        } catch (error2) {
          return [outcomeFromError(error2)]
        }
      }
    },
    // In flight when a run died, or the answer was lost: if the user exists now, the create took effect.
    // (With --on-conflict update the row is simply sent again: create -> conflict -> update is idempotent.)
    reconcile:
      options.onConflict === 'update'
        ? undefined
        : async (item) => {
            const found = await findUser(client, item.value.lookup)
            return found ? {status: 'ok', id: found.id} : undefined
          },
  }
}
