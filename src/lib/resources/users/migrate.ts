/**
 * `clerk users import FILE --from SOURCE`: a migration. Each record goes through its source's field map
 * (sources/) to a {@link SourceUser}, then to the CreateUser body the plain importer validates and sends
 * (import.ts), so a migration has every check and the same exactly-once journal. On top of it:
 *
 * - nothing a user signs in with is lost or weakened silently: identifiers the source marks unverified are
 *   created `reserved`; digests go with their password_hasher; a digest that cannot be carried is reported
 *   per row ("password dropped: why"); users without one get skip_password_requirement (they reset it);
 * - the source's id becomes external_id (unless the row has one): reruns, the ID map and undo find the user;
 * - the readiness check ({@link migrationJob}'s preflight), before anything is sent: duplicate identifiers
 *   across rows, identifiers held by other users on the instance (looked up 100 at a time through the
 *   limiter), a development instance's user cap, and how many users keep their password / need a reset /
 *   have reserved identifiers;
 * - users that existed before the first run are recorded in the journal's header, so a row found on the
 *   instance after a crash is told apart: created by this import (undo deletes it) or there before (never).
 */
import type {Client} from '../../http/client.js'
import type {BulkRecord} from '../../bulk/input.js'
import type {BulkJob, Item, Outcome, PreflightResult, Prepared} from '../../bulk/runner.js'
import type {BapiUser} from './users.js'
import {type ImportOptions, type ImportRow, findUser, prepareUser, userImportJob} from './import.js'
import type {MetadataTarget, MigrationSource, SourceOptions, SourceUser} from './sources/index.js'

/** Clerk's documented cap for development instances (clerk-docs, "managing environments"). */
export const DEV_USER_CAP = 100

export interface MigrateOptions extends Omit<ImportOptions, 'keyBy'> {
  source: MigrationSource
  sourceOptions: SourceOptions
  /** --metadata-map field=public|private|unsafe|skip */
  metadataMap: Map<string, MetadataTarget>
  /** the kind of instance the key belongs to (a development instance is capped) */
  instance: 'production' | 'development' | 'unknown'
  devUserCap: number
}

export interface MigrateRow extends ImportRow {
  sourceId: string
  password: 'kept' | 'reset' | 'dropped'
  dropped?: string
  reserved: {emails: number; phones: number}
  /** `email:a@b.c`, `phone:+1555…`, `username:ann` */
  identifiers: string[]
}

const TARGETS: Record<Exclude<MetadataTarget, 'skip'>, string> = {
  public: 'public_metadata',
  private: 'private_metadata',
  unsafe: 'unsafe_metadata',
}

/** The CreateUser fields (as the plain importer reads them) of a source's user. */
export function bapiRecord(user: SourceUser, options: MigrateOptions): BulkRecord {
  const r: BulkRecord = {
    external_id: user.externalId ?? user.id,
    email_address: user.emails.map((e) => e.address),
    email_address_identification_status: user.emails.map((e) => (e.verified ? 'verified' : 'reserved')),
    phone_number: user.phones.map((p) => p.number),
    phone_number_identification_status: user.phones.map((p) => (p.verified ? 'verified' : 'reserved')),
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    created_at: user.createdAt,
    totp_secret: user.totpSecret,
    backup_codes: user.backupCodes,
  }
  if (user.banned) r.banned = true
  if (user.password) {
    r.password_digest = user.password.digest
    r.password_hasher = user.password.hasher
  } else r.skip_password_requirement = true
  for (const [field, value] of Object.entries(user.metadata)) {
    const target = options.metadataMap.get(field) ?? options.source.metadata[field] ?? 'skip'
    if (target === 'skip') continue
    const key = TARGETS[target]
    r[key] = {...(r[key] as object | undefined), ...value}
  }
  return r
}

export function prepareMigration(record: BulkRecord, options: MigrateOptions): Prepared<MigrateRow> {
  let user: SourceUser
  try {
    user = options.source.map(record, options.sourceOptions)
  } catch (error) {
    return {error: `${options.source.name}: ${(error as Error).message}`}
  }
  const p = prepareUser(bapiRecord(user, options), {...options, keyBy: 'external_id'})
  if ('error' in p) return {error: p.error, key: user.externalId ?? user.id}
  if (!('value' in p)) return p
  const identifiers = [
    ...user.emails.map((e) => `email:${e.address.toLowerCase()}`),
    ...user.phones.map((x) => `phone:${x.number}`),
    ...(user.username ? [`username:${user.username.toLowerCase()}`] : []),
  ]
  return {
    key: p.key,
    value: {
      ...p.value,
      sourceId: user.id,
      password: user.password ? 'kept' : user.passwordDropped ? 'dropped' : 'reset',
      dropped: user.passwordDropped,
      reserved: {
        emails: user.emails.filter((e) => !e.verified).length,
        phones: user.phones.filter((x) => !x.verified).length,
      },
      identifiers,
    },
  }
}

const LABEL: Record<string, string> = {email: 'email', phone: 'phone', username: 'username'}
const QUERY: Record<string, string> = {
  email: 'email_address',
  phone: 'phone_number',
  username: 'username',
  external_id: 'external_id',
}
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** Users holding any of `values` of one kind, 100 per request (GET /v1/users filters OR within a parameter). */
async function holders(client: Client, kind: string, values: string[]): Promise<Map<string, BapiUser>> {
  const out = new Map<string, BapiUser>()
  for (let i = 0; i < values.length; i += 100) {
    const chunk = values.slice(i, i + 100)
    const users = await client.request<BapiUser[]>('GET', '/users', {query: {[QUERY[kind]]: chunk, limit: 500}})
    const wanted = new Set(chunk)
    for (const u of users) {
      const held =
        kind === 'email'
          ? u.email_addresses.map((e) => e.email_address.toLowerCase())
          : kind === 'phone'
            ? (u.phone_numbers ?? []).map((x) => x.phone_number)
            : kind === 'username'
              ? [String(u.username ?? '').toLowerCase()]
              : [String(u.external_id ?? '')]
      for (const h of held) if (wanted.has(h)) out.set(`${kind}:${h}`, u)
    }
  }
  return out
}

export function migrationJob(client: Client | undefined, options: MigrateOptions): BulkJob<MigrateRow> {
  const base = userImportJob(client!, {...options, keyBy: 'external_id'})
  /** keys (external ids) whose users were on the instance before this import's first run */
  const preexisting = new Set<string>()
  const created = (item: Item<MigrateRow>, id: string): Outcome => ({
    status: 'ok',
    id,
    message: item.value.dropped ? `created; password dropped: ${item.value.dropped}` : 'created',
  })

  async function preflight(
    rows: AsyncIterable<Item<MigrateRow>>,
    ctx: {pending: ReadonlySet<number>; header?: Record<string, unknown>; validateOnly: boolean},
  ): Promise<PreflightResult> {
    const invalid = new Map<number, {key: string; message: string}>()
    const first = new Map<string, number>()
    const items: Array<Item<MigrateRow>> = []
    let kept = 0
    let reset = 0
    let banned = 0
    const reserved = {emails: 0, phones: 0}
    const dropped = new Map<string, number[]>()
    const warnings = new Map<string, number>()
    for await (const item of rows) {
      const v = item.value
      if (v.password === 'kept') kept++
      else if (v.password === 'dropped') dropped.set(v.dropped!, [...(dropped.get(v.dropped!) ?? []), item.row])
      else reset++
      reserved.emails += v.reserved.emails
      reserved.phones += v.reserved.phones
      if (v.body.banned) banned++
      for (const w of v.warnings ?? []) warnings.set(w, (warnings.get(w) ?? 0) + 1)
      const dup = v.identifiers.find((id) => first.has(id))
      if (dup) {
        const [kind, value] = [dup.slice(0, dup.indexOf(':')), dup.slice(dup.indexOf(':') + 1)]
        invalid.set(item.row, {key: item.key, message: `${LABEL[kind]} ${value} is also in row ${first.get(dup)}`})
        continue
      }
      for (const id of v.identifiers) first.set(id, item.row)
      items.push(item)
    }
    const total = items.length + invalid.size
    const droppedN = [...dropped.values()].reduce((n, r) => n + r.length, 0)
    const lines = [
      `Readiness (${options.source.name}, ${plural(total, 'user')} to do):`,
      `  passwords:  ${kept.toLocaleString('en-US')} sign in with their old password; ${reset.toLocaleString('en-US')} need a reset (none in the export)${droppedN ? `; ${droppedN.toLocaleString('en-US')} dropped` : ''}`,
    ]
    for (const [why, at] of dropped)
      lines.push(
        `    password dropped (${at.length}): ${why} (row${at.length > 1 ? 's' : ''} ${at.slice(0, 5).join(', ')}${at.length > 5 ? ', …' : ''})`,
      )
    lines.push(
      `  reserved:   ${plural(reserved.emails, 'email')} and ${plural(reserved.phones, 'phone')} unverified at the source: created reserved (usable to sign in, not verified)`,
    )
    const placed = Object.keys(options.source.metadata).map(
      (f) => `${f} -> ${options.metadataMap.get(f) ?? options.source.metadata[f]}`,
    )
    if (placed.length) lines.push(`  metadata:   ${placed.join(', ')}`)
    if (banned) lines.push(`  banned:     ${plural(banned, 'user')} disabled at the source: created banned`)
    for (const [w, n] of warnings) lines.push(`  warning:    ${w} (${plural(n, 'row')})`)
    lines.push(`  duplicates: ${plural(invalid.size, 'row')} repeat an identifier of an earlier row`)

    const result: PreflightResult = {lines, invalid}
    for (const k of (ctx.header?.preexisting as string[] | undefined) ?? []) preexisting.add(k)
    if (!client) {
      lines.push(
        '  instance:   not checked (no secret key): identifiers taken and the user cap are checked before a real run',
      )
      return result
    }
    // What the instance already holds
    const byKind: Record<string, string[]> = {external_id: items.map((i) => i.key), email: [], phone: [], username: []}
    for (const item of items)
      for (const id of item.value.identifiers) byKind[id.slice(0, id.indexOf(':'))].push(id.slice(id.indexOf(':') + 1))
    const held = new Map<string, BapiUser>()
    for (const [kind, values] of Object.entries(byKind))
      for (const [k, u] of await holders(client, kind, values)) held.set(k, u)
    let exists = 0
    let taken = 0
    for (const item of items) {
      const own = held.get(`external_id:${item.key}`)
      const other = item.value.identifiers.find((id) => {
        const h = held.get(id)
        return h && h.id !== own?.id
      })
      if (other) {
        const [kind, value] = [other.slice(0, other.indexOf(':')), other.slice(other.indexOf(':') + 1)]
        invalid.set(item.row, {
          key: item.key,
          message: `${LABEL[kind]} ${value} is taken by ${held.get(other)!.id} on the instance`,
        })
        taken++
        continue
      }
      if (own) {
        // in flight when a run stopped: maybe this import created it (its journal header says what was there before)
        if (!ctx.pending.has(item.row)) preexisting.add(item.key)
        if (preexisting.has(item.key)) exists++
      }
    }
    const creates = items.length - exists - taken
    const now = (await client.request<{total_count: number}>('GET', '/users/count')).total_count
    lines.push(
      `  instance:   ${plural(now, 'user')} now; ${plural(exists, 'row')} already there (on conflict: ${options.onConflict}); ${plural(taken, 'row')} with an identifier held by another user (invalid)`,
    )
    if (options.instance === 'development') {
      lines.push(
        `  user cap:   ${now.toLocaleString('en-US')} + ${creates.toLocaleString('en-US')} to create, of ${options.devUserCap.toLocaleString('en-US')} (development instance)`,
      )
      if (now + creates > options.devUserCap)
        result.blocking = {
          message: `a development instance holds at most ${options.devUserCap} users; this run would make it ${now + creates}`,
          hint: 'migrate into a production instance, or give --dev-user-cap N if your instance allows more',
        }
    }
    if (!ctx.header) result.header = {preexisting: [...preexisting]}
    return result
  }

  return {
    ...base,
    // a source maps its own fields (sources/*.ts); the generic column check is for plain imports only
    fields: undefined,
    name: 'users import',
    action: `migrate users from ${options.source.name}`,
    prepare: (record) => prepareMigration(record, options),
    ref: (item) => item.value.sourceId,
    preflight,
    planNotes: [...(base.planNotes ?? []), `source: ${options.source.describe}`],
    async execute(batch, ctx) {
      const [item] = batch
      const [o] = await base.execute(batch, ctx)
      if (o.status === 'ok' && !o.message && o.id) return [created(item, o.id)]
      // a conflict on our own key that was not there before the first run: a create of ours whose answer was lost
      if ((o.status === 'skipped' || o.message === 'updated') && o.id && !preexisting.has(item.key))
        return [created(item, o.id)]
      return [o]
    },
    async reconcile(item) {
      const found = await findUser(client!, item.value.lookup)
      if (!found) return undefined
      if (!preexisting.has(item.key)) return created(item, found.id)
      return options.onConflict === 'update' ? undefined : {status: 'skipped', id: found.id, message: 'exists'}
    },
  }
}
