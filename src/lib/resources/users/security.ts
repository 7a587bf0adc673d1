/**
 * A user's identifiers and security: email addresses and phone numbers (/v1/email_addresses,
 * /v1/phone_numbers), MFA, passkeys, the compromised-password flag, verify_password, and the
 * memberships listings (/v1/users/{id}/organization_memberships, /v1/organization_memberships).
 */
import type {Client, Row} from '../../http/client.js'
import {listAll} from '../../http/pagers.js'
import {CliError, ExitCode, usageError} from '../../util/errors.js'
import {simpleColumns} from '../rows.js'
import {userIdFor} from '../orgs.js'

const enc = encodeURIComponent
const userPath = (id: string, suffix = '') => `/users/${enc(id)}${suffix}`

export type IdentifierKind = 'emails' | 'phones'

export const IDENTIFIERS = {
  emails: {
    path: '/email_addresses',
    list: 'email_addresses',
    field: 'email_address',
    primary: 'primary_email_address_id',
    noun: 'email address',
  },
  phones: {
    path: '/phone_numbers',
    list: 'phone_numbers',
    field: 'phone_number',
    primary: 'primary_phone_number_id',
    noun: 'phone number',
  },
} as const

export const identifierColumns = (kind: IdentifierKind, format: string) => ({
  ...simpleColumns(format, [
    ['id', 'ID'],
    ['value', kind === 'emails' ? 'EMAIL' : 'PHONE', IDENTIFIERS[kind].field],
    ['reserved', 'RESERVED'],
    ['created', 'CREATED', 'created_at'],
  ]),
  verified: {header: 'VERIFIED', get: (r: Row) => r.verification?.status === 'verified'},
})
export const IDENTIFIER_DEFAULTS = ['id', 'value', 'verified', 'reserved', 'created']

/** The identification `ref` (its idn_ id, or the address / number itself) of the user. */
export async function identificationOf(
  client: Client,
  kind: IdentifierKind,
  userRef: string,
  ref: string,
): Promise<{userId: string; id: string; value: string}> {
  const userId = await userIdFor(client, userRef)
  const k = IDENTIFIERS[kind]
  const user = await client.request<Row>('GET', userPath(userId))
  const items = (user[k.list] ?? []) as Row[]
  const found = items.find((x) => x.id === ref || String(x[k.field]).toLowerCase() === ref.toLowerCase())
  if (!found)
    throw new CliError(`user ${userId} has no ${k.noun} ${ref}`, ExitCode.FAILURE, {
      hint: `theirs: ${items.map((x) => x[k.field]).join(', ') || 'none'}`,
    })
  return {userId, id: found.id, value: found[k.field]}
}

export async function addIdentifier(
  client: Client,
  kind: IdentifierKind,
  userRef: string,
  value: string,
  options: {verified?: boolean; primary?: boolean; secondFactor?: boolean},
): Promise<Row> {
  const k = IDENTIFIERS[kind]
  const body: Row = {user_id: await userIdFor(client, userRef), [k.field]: value}
  if (options.verified) body.verified = true
  if (options.primary) body.primary = true
  if (options.secondFactor) body.reserved_for_second_factor = true
  return client.request<Row>('POST', k.path, {body})
}

/** PATCH the identification: {verified: true} or {primary: true}. */
export const updateIdentifier = (client: Client, kind: IdentifierKind, id: string, body: Row) =>
  client.request<Row>('PATCH', `${IDENTIFIERS[kind].path}/${enc(id)}`, {body})
export const deleteIdentifier = (client: Client, kind: IdentifierKind, id: string) =>
  client.request<Row>('DELETE', `${IDENTIFIERS[kind].path}/${enc(id)}`)

// ---- security -------------------------------------------------------------------------------------

export const disableMfa = (client: Client, userId: string) => client.request<Row>('DELETE', userPath(userId, '/mfa'))

export const passkeyColumns = (format: string) =>
  simpleColumns(format, [
    ['id', 'ID'],
    ['name', 'NAME'],
    ['last_used', 'LAST USED', 'last_used_at'],
  ])

export async function passkeysOf(client: Client, userId: string): Promise<Row[]> {
  const user = await client.request<Row>('GET', userPath(userId))
  return (user.passkeys ?? []) as Row[]
}
export const removePasskey = (client: Client, userId: string, passkeyId: string) =>
  client.request<Row>('DELETE', userPath(userId, `/passkeys/${enc(passkeyId)}`))

export const setCompromised = (client: Client, userId: string, set: boolean, revokeSessions = false) =>
  client.request<Row>('POST', userPath(userId, set ? '/password/set_compromised' : '/password/unset_compromised'), {
    body: set && revokeSessions ? {revoke_all_sessions: true} : {},
  })

/** POST verify_password: true when it matches; a wrong password is an ApiError (422) from BAPI. */
export async function verifyPassword(client: Client, userId: string, password: string): Promise<Row> {
  if (!password)
    throw usageError('no password on stdin', 'pipe it: printenv PW | clerk users verify-password USER --password-stdin')
  return client.request<Row>('POST', userPath(userId, '/verify_password'), {body: {password}})
}

// ---- memberships ------------------------------------------------------------------------------------

export const membershipColumns = (format: string) => ({
  ...simpleColumns(format, [
    ['id', 'ID'],
    ['role', 'ROLE'],
    ['created', 'JOINED', 'created_at'],
  ]),
  org_id: {header: 'ORG ID', get: (m: Row) => m.organization?.id},
  org: {header: 'ORG', get: (m: Row) => m.organization?.slug ?? m.organization?.name},
  user_id: {header: 'USER ID', get: (m: Row) => m.public_user_data?.user_id},
  user: {header: 'USER', get: (m: Row) => m.public_user_data?.identifier},
})
export const MEMBERSHIP_DEFAULTS = ['org_id', 'org', 'user_id', 'user', 'role', 'created']

export const userMemberships = (client: Client, userId: string, opts: {limit?: number} = {}) =>
  listAll(client, userPath(userId, '/organization_memberships'), {}, opts)

export interface MembershipFilter {
  user?: string[]
  role?: string[]
  org?: string[]
  orderBy?: string
  limit?: number
}

/**
 * Every membership of the instance (GET /v1/organization_memberships), filtered here by user id, role
 * and organization (id or slug): BAPI's endpoint takes only order_by and paging.
 */
export async function* allMemberships(client: Client, f: MembershipFilter): AsyncGenerator<Row> {
  const users = f.user?.length ? new Set(f.user) : undefined
  const roles = f.role?.length ? new Set(f.role) : undefined
  const orgs = f.org?.length ? new Set(f.org) : undefined
  let n = 0
  for await (const m of listAll(client, '/organization_memberships', {order_by: f.orderBy})) {
    if (users && !users.has(m.public_user_data?.user_id)) continue
    if (roles && !roles.has(m.role)) continue
    if (orgs && !orgs.has(m.organization?.id) && !orgs.has(m.organization?.slug)) continue
    yield m
    if (f.limit !== undefined && ++n >= f.limit) return
  }
}
