/** Command-line values -> BAPI request bodies for creating and updating users (snake_case, only what was given). */
import {usageError} from '../../util/errors.js'
import {readStdin} from '../../util/stdin.js'
import {parseJsonObject} from '../metadata.js'
import {type PromptContext, promptFor} from '../../output/prompts.js'

/** BAPI's password hashers for `password_digest` (spec: CreateUser.password_hasher). */
export const PASSWORD_HASHERS = [
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
]

export interface PasswordFlags {
  password?: string
  'password-stdin'?: boolean
  'password-digest'?: string
  'password-hasher'?: string
  'skip-password-checks'?: boolean
}

/** The password fields: --password, --password-stdin (a masked prompt at a terminal), or a digest with its hasher. */
export async function passwordFields(f: PasswordFlags, ctx: PromptContext): Promise<Record<string, unknown>> {
  const given = [f.password !== undefined, Boolean(f['password-stdin']), f['password-digest'] !== undefined].filter(
    Boolean,
  ).length
  if (given > 1) throw usageError('give one of --password, --password-stdin, --password-digest')
  if (f['password-digest'] !== undefined && !f['password-hasher'])
    throw usageError('--password-digest needs --password-hasher', `one of: ${PASSWORD_HASHERS.join(', ')}`)
  if (f['password-hasher'] && f['password-digest'] === undefined)
    throw usageError('--password-hasher needs --password-digest')
  const body: Record<string, unknown> = {}
  if (f.password !== undefined) body.password = f.password
  if (f['password-stdin']) {
    body.password =
      ctx.interactive && process.stdin.isTTY
        ? await promptFor(ctx, 'password', 'Password:', {secret: true})
        : (await readStdin()).replace(/\r?\n$/, '')
    if (!body.password) throw usageError('--password-stdin: no password on stdin')
  }
  if (f['password-digest'] !== undefined) {
    body.password_digest = f['password-digest']
    body.password_hasher = f['password-hasher']
  }
  if (f['skip-password-checks']) body.skip_password_checks = true
  return body
}

export interface MetadataFlags {
  'public-metadata'?: string
  'private-metadata'?: string
  'unsafe-metadata'?: string
}

export function metadataFields(f: MetadataFlags): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const kind of ['public', 'private', 'unsafe'] as const) {
    const v = f[`${kind}-metadata`]
    if (v !== undefined) body[`${kind}_metadata`] = parseJsonObject(v, `${kind}-metadata`)
  }
  return body
}

export interface CreateFlags extends PasswordFlags, MetadataFlags {
  email?: string[]
  phone?: string[]
  username?: string
  'first-name'?: string
  'last-name'?: string
  'external-id'?: string
}

/** POST /v1/users body. With no identifier at all: asked for (an email) at a terminal, a usage error otherwise. */
export async function createBody(f: CreateFlags, ctx: PromptContext): Promise<Record<string, unknown>> {
  let emails = f.email ?? []
  if (emails.length === 0 && !f.phone?.length && !f.username) {
    if (!ctx.interactive)
      throw usageError('missing --email (or --phone / --username)', 'a user needs at least one identifier')
    emails = [
      await promptFor(ctx, 'email', 'Email address:', {
        validate: (v) => (v.includes('@') ? true : 'an email address, please'),
      }),
    ]
  }
  const body: Record<string, unknown> = {
    email_address: emails.length ? emails : undefined,
    phone_number: f.phone?.length ? f.phone : undefined,
    username: f.username,
    first_name: f['first-name'],
    last_name: f['last-name'],
    external_id: f['external-id'],
    ...metadataFields(f),
    ...(await passwordFields(f, ctx)),
  }
  return withoutUndefined(body)
}

export interface UpdateFlags extends PasswordFlags {
  'first-name'?: string
  'last-name'?: string
  username?: string
  'set-external-id'?: string
  locale?: string
  'primary-email-id'?: string
  'primary-phone-id'?: string
  'sign-out-of-other-sessions'?: boolean
}

/** PATCH /v1/users/{id} body: only the fields given (an empty string clears a field); nothing given is a usage error. */
export async function updateBody(f: UpdateFlags, ctx: PromptContext): Promise<Record<string, unknown>> {
  const body = withoutUndefined({
    first_name: f['first-name'],
    last_name: f['last-name'],
    username: f.username,
    external_id: f['set-external-id'],
    locale: f.locale,
    primary_email_address_id: f['primary-email-id'],
    primary_phone_number_id: f['primary-phone-id'],
    ...(await passwordFields(f, ctx)),
  })
  if (Object.keys(body).length === 0)
    throw usageError('nothing to update', 'pass at least one field, e.g. --first-name Ada (see --help)')
  if (f['sign-out-of-other-sessions']) body.sign_out_of_other_sessions = true
  return body
}

export function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
}
