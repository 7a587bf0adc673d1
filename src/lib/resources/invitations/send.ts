/**
 * Sending invitations, shared by the --email and --file paths of `orgs invite` and `invitations create`:
 * row validation, the skip lists (existing members, pending invitees, existing users), batching into bulk
 * requests of <= 10 with a fallback to single requests, and the outcome of every row.
 */
import {INVITE_EMAIL, ROLE_KEY} from '../../util/patterns.js'
import type {Client} from '../../http/client.js'
import {CliError, ExitCode, toCliError} from '../../util/errors.js'
import {BULK_SIZE, allInvitations, allOrgInvitations} from './invitations.js'
import type {Columns} from '../../output/columns.js'
import {type Page, allMembers} from '../orgs.js'
import {plural} from '../../util/plural.js'
// ---- rows: validation --------------------------------------------------------------------------------------

/** A normalized email (trimmed, lower-case) or an error message. */
export function checkEmail(raw: unknown): {email: string} | {error: string} {
  const text = typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw)
  if (!text) return {error: 'email is required'}
  if (!INVITE_EMAIL.test(text)) return {error: `"${text}" is not a valid email address`}
  return {email: text.toLowerCase()}
}

export interface InviteRow {
  email: string
  role?: string
  public_metadata?: Record<string, unknown>
  private_metadata?: Record<string, unknown>
  redirect_url?: string
  inviter_user_id?: string
  expires_in_days?: number
}

const pickObject = (v: unknown, name: string): Record<string, unknown> | undefined | string => {
  if (v === undefined || v === null || v === '') return undefined
  let o = v
  if (typeof v === 'string') {
    try {
      o = JSON.parse(v)
    } catch {
      return `${name} is not valid JSON`
    }
  }
  return typeof o === 'object' && o !== null && !Array.isArray(o)
    ? (o as Record<string, unknown>)
    : `${name} must be a JSON object`
}

/**
 * One input record (CSV columns / JSONL keys: email (or email_address), role, public_metadata,
 * private_metadata, redirect_url, inviter_user_id, expires_in_days) -> a row, or why it is invalid.
 */
/** The columns parseInviteRecord reads (`role` only for organization invitations). */
export const INVITE_FIELDS = [
  'email',
  'email_address',
  'public_metadata',
  'private_metadata',
  'redirect_url',
  'inviter_user_id',
  'expires_in_days',
]

export function parseInviteRecord(
  record: Record<string, unknown>,
  withRole: boolean,
): {row: InviteRow} | {error: string} {
  const e = checkEmail(record.email ?? record.email_address)
  if ('error' in e) return e
  const row: InviteRow = {email: e.email}
  if (withRole && record.role !== undefined && record.role !== null && String(record.role).trim() !== '') {
    const role = String(record.role).trim()
    if (!ROLE_KEY.test(role)) return {error: `invalid role "${role}" (roles are keys such as org:admin)`}
    row.role = role
  }
  for (const k of ['public_metadata', 'private_metadata'] as const) {
    const o = pickObject(record[k], k)
    if (typeof o === 'string') return {error: o}
    if (o) row[k] = o
  }
  for (const k of ['redirect_url', 'inviter_user_id'] as const) if (record[k]) row[k] = String(record[k])
  if (record.expires_in_days !== undefined && record.expires_in_days !== '') {
    const d = Number(record.expires_in_days)
    if (!Number.isInteger(d) || d < 1 || d > 365) return {error: 'expires_in_days must be a whole number from 1 to 365'}
    row.expires_in_days = d
  }
  return {row}
}

// ---- what to skip before sending ------------------------------------------------------------------------

/** Emails of the organization's members and of its pending invitations (one listing each, 500 per page). */
export async function orgSkipLists(client: Client, org: string): Promise<{members: Set<string>; pending: Set<string>}> {
  const members = new Set<string>()
  const pending = new Set<string>()
  const [m, p] = [
    allMembers(client, org, {}, {pageSize: 500}),
    allOrgInvitations(client, org, {status: 'pending'}, {pageSize: 500}),
  ]
  await Promise.all([
    (async () => {
      for await (const x of m)
        if (x.public_user_data?.identifier) members.add(x.public_user_data.identifier.toLowerCase())
    })(),
    (async () => {
      for await (const x of p) pending.add(x.email_address.toLowerCase())
    })(),
  ])
  return {members, pending}
}

/** Emails with a pending instance invitation, and those of `emails` that already belong to a user (100 per lookup). */
export async function instanceSkipLists(
  client: Client,
  emails: string[],
): Promise<{users: Set<string>; pending: Set<string>}> {
  const pending = new Set<string>()
  for await (const i of allInvitations(client, {status: 'pending'}, {pageSize: 500}))
    pending.add(i.email_address.toLowerCase())
  const users = new Set<string>()
  emails = emails.filter((e) => INVITE_EMAIL.test(e))
  for (let i = 0; i < emails.length; i += 100) {
    const chunk = emails.slice(i, i + 100)
    const found = await client.request<Array<{email_addresses: Array<{email_address: string}>}>>('GET', '/users', {
      query: {email_address: chunk, limit: 100},
    })
    const wanted = new Set(chunk)
    for (const u of found)
      for (const e of u.email_addresses)
        if (wanted.has(e.email_address.toLowerCase())) users.add(e.email_address.toLowerCase())
  }
  return {users, pending}
}

// ---- sending ----------------------------------------------------------------------------------------------

/** The outcome of one row (the bulk runner's shape). */
export interface RowOutcome {
  status: 'ok' | 'skipped' | 'failed'
  id?: string
  code?: string
  message?: string
  retryable?: boolean
}

export interface OrgInviteDefaults {
  role: string
  inviter?: string
  redirectUrl?: string
  publicMetadata?: Record<string, unknown>
  expiresInDays?: number
  notify?: boolean
}

export function orgInviteBody(row: InviteRow, d: OrgInviteDefaults): Record<string, unknown> {
  const body: Record<string, unknown> = {email_address: row.email, role: row.role ?? d.role}
  const inviter = row.inviter_user_id ?? d.inviter
  if (inviter) body.inviter_user_id = inviter
  const pub = row.public_metadata ?? d.publicMetadata
  if (pub) body.public_metadata = pub
  if (row.private_metadata) body.private_metadata = row.private_metadata
  const redirect = row.redirect_url ?? d.redirectUrl
  if (redirect) body.redirect_url = redirect
  const days = row.expires_in_days ?? d.expiresInDays
  if (days) body.expires_in_days = days
  if (d.notify === false) body.notify = false
  return body
}

export interface InstanceInviteDefaults {
  notify?: boolean
  ignoreExisting?: boolean
  expiresInDays?: number
  redirectUrl?: string
  publicMetadata?: Record<string, unknown>
}

export function instanceInviteBody(row: InviteRow, d: InstanceInviteDefaults): Record<string, unknown> {
  const body: Record<string, unknown> = {email_address: row.email}
  const pub = row.public_metadata ?? d.publicMetadata
  if (pub) body.public_metadata = pub
  const redirect = row.redirect_url ?? d.redirectUrl
  if (redirect) body.redirect_url = redirect
  const days = row.expires_in_days ?? d.expiresInDays
  if (days) body.expires_in_days = days
  if (d.notify !== undefined) body.notify = d.notify
  if (d.ignoreExisting) body.ignore_existing = true
  return body
}

/**
 * Errors of a single invitation request that mean "this person needs no invitation": a skip, not a failure
 * (codes from Clerk's errors reference; see src/emulator/errors/table.ts). Anything else fails the row.
 */
const SKIP_CODES: Record<string, string> = {
  already_a_member_in_organization: 'already a member',
  organization_invitation_not_unique: 'already invited (pending invitation)',
  duplicate_record: 'already invited (pending invitation)',
  form_identifier_exists: 'already a user',
}

type ApiErrorLike = {
  status?: number
  errors?: Array<{code?: string; message?: string; longMessage?: string; meta?: Record<string, unknown>}>
}

const retryableStatus = (status: number | undefined) =>
  status === undefined || status >= 500 || status === 429 || status === 408

function failure(error: unknown): RowOutcome {
  const e = error as ApiErrorLike
  const code = e?.errors?.[0]?.code
  if (e?.status !== undefined && e.status < 500 && code && SKIP_CODES[code])
    return {status: 'skipped', code, message: SKIP_CODES[code]}
  return {
    status: 'failed',
    code: code ?? 'error',
    message: toCliError(error).message,
    retryable: retryableStatus(e?.status),
  }
}

/**
 * Which items of a refused bulk request the error names, and why: Clerk's duplicate_record lists the
 * addresses with a pending invitation in `meta.email_addresses`. Nothing else in the reference names an
 * item, so anything else (or addresses not in the batch) names nobody.
 */
function namedItems(error: unknown, bodies: Array<Record<string, unknown>>): Map<number, RowOutcome> {
  const e = error as ApiErrorLike
  const out = new Map<number, RowOutcome>()
  if (e?.status !== 400) return out
  const index = new Map<string, number[]>()
  bodies.forEach((b, i) => {
    const k = String(b.email_address ?? '').toLowerCase()
    index.set(k, [...(index.get(k) ?? []), i])
  })
  for (const item of e.errors ?? []) {
    const emails = item.meta?.email_addresses
    if (item.code !== 'duplicate_record' || !Array.isArray(emails)) continue
    for (const addr of emails)
      for (const i of index.get(String(addr).toLowerCase()) ?? [])
        out.set(i, {status: 'skipped', code: item.code, message: 'already invited (pending invitation)'})
  }
  return out
}

/**
 * Send invitations: fewer than `minBulk` items -> the single endpoint; else the bulk endpoint (callers pass <= 10).
 * A refused bulk request is all or nothing, so its rows are never all given the error's outcome:
 * - a transient failure (5xx, 429, network) fails every row as retryable (the runner retries them);
 * - an error that names items (duplicate_record with meta.email_addresses) skips just those and sends the
 *   rest again in bulk;
 * - any other refusal (an error naming nobody, an unknown code, a body without meta) falls back to one
 *   single request per row, so each row gets its own answer: skipped only when that answer says the person
 *   needs no invitation, failed otherwise.
 */
export async function sendInvites(
  client: Client,
  path: string,
  bodies: Array<Record<string, unknown>>,
  pick: (res: unknown) => Array<{id: string}>,
  /** the fewest items that go to the bulk endpoint (files: 1, so every request is a bulk one) */
  minBulk = 2,
): Promise<RowOutcome[]> {
  const single = async (body: Record<string, unknown>): Promise<RowOutcome> => {
    try {
      return {status: 'ok', id: (await client.request<{id: string}>('POST', path, {body})).id}
    } catch (error) {
      return failure(error)
    }
  }
  if (bodies.length === 0) return []
  if (bodies.length < minBulk) return [await single(bodies[0])]
  try {
    return pick(await client.request('POST', `${path}/bulk`, {body: bodies})).map((x) => ({
      status: 'ok' as const,
      id: x.id,
    }))
  } catch (error) {
    const status = (error as ApiErrorLike).status
    if (retryableStatus(status)) return bodies.map(() => failure(error))
    // a bad key answers the same for every row: no point asking once per row
    if (status === 401) return bodies.map(() => failure(error))
    const named = namedItems(error, bodies)
    if (named.size > 0) {
      const out: RowOutcome[] = bodies.map((_, i) => named.get(i) ?? {status: 'ok'})
      const rest = bodies.map((b, i) => [b, i] as const).filter(([, i]) => !named.has(i))
      const again = await sendInvites(
        client,
        path,
        rest.map(([b]) => b),
        pick,
        minBulk,
      )
      rest.forEach(([, i], k) => (out[i] = again[k]))
      return out
    }
    const out: RowOutcome[] = []
    for (const b of bodies) out.push(await single(b))
    return out
  }
}

export const pickOrgInvitations = (res: unknown) => (res as Page<{id: string}>).data
export const pickInvitations = (res: unknown) => res as Array<{id: string}>

// ---- the --email path (few rows: no journal) --------------------------------------------------------------

export interface InviteResult {
  row: number
  email: string
  status: 'ok' | 'skipped' | 'failed'
  id?: string
  code?: string
  message?: string
}

export const resultColumns: Columns<InviteResult> = {
  email: {header: 'EMAIL', get: (r) => r.email},
  status: {header: 'STATUS', get: (r) => r.status},
  id: {header: 'INVITATION', get: (r) => r.id ?? ''},
  message: {header: 'NOTE', get: (r) => r.message ?? ''},
}

/**
 * Invite the given addresses: invalid ones fail, repeats and those in `skip` are skipped (with why),
 * the rest go out in requests of <= 10 (one address -> the single endpoint).
 */
export async function inviteEmails(
  emails: string[],
  skip: (email: string) => string | undefined,
  send: (rows: InviteRow[]) => Promise<RowOutcome[]>,
): Promise<InviteResult[]> {
  const results: InviteResult[] = []
  const todo: Array<{result: InviteResult; row: InviteRow}> = []
  const seen = new Set<string>()
  emails.forEach((raw, i) => {
    const c = checkEmail(raw)
    if ('error' in c)
      return results.push({row: i + 1, email: String(raw), status: 'failed', code: 'invalid_row', message: c.error})
    if (seen.has(c.email)) return results.push({row: i + 1, email: c.email, status: 'skipped', message: 'duplicate'})
    seen.add(c.email)
    const why = skip(c.email)
    if (why) return results.push({row: i + 1, email: c.email, status: 'skipped', message: why})
    const result: InviteResult = {row: i + 1, email: c.email, status: 'ok'}
    results.push(result)
    todo.push({result, row: {email: c.email}})
  })
  for (let i = 0; i < todo.length; i += BULK_SIZE) {
    const batch = todo.slice(i, i + BULK_SIZE)
    const outcomes = await send(batch.map((b) => b.row))
    batch.forEach((b, k) =>
      Object.assign(b.result, {
        status: outcomes[k].status,
        id: outcomes[k].id,
        code: outcomes[k].code,
        message: outcomes[k].message,
      }),
    )
  }
  return results
}

/** One summary line, and exit 5 when some rows failed (2 when every row was invalid input). */
export function finishInvites(results: InviteResult[], note: (line: string) => void): void {
  const count = (s: string) => results.filter((r) => r.status === s).length
  const [ok, skipped, failed] = [count('ok'), count('skipped'), count('failed')]
  note(`invited ${ok}, skipped ${skipped}, failed ${failed}`)
  if (failed === 0) return
  if (ok === 0 && results.every((r) => r.status !== 'failed' || r.code === 'invalid_row')) {
    throw new CliError(`${failed} invalid address${failed === 1 ? '' : 'es'}, nothing sent`, ExitCode.USAGE)
  }
  throw new CliError(`${failed} of ${plural(results.length, 'invitation')} failed`, ExitCode.PARTIAL)
}
