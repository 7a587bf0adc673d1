/**
 * Bulk modes of `clerk users delete|ban|unban|lock|unlock|metadata`: `--file ids.txt` (one id per line,
 * or CSV/JSONL with an `id` column) or `--where` with list filters (the matching ids are collected first
 * into a file next to the journal, so a resumed run works on the same users even after some are gone).
 *
 * ban/unban use BAPI's bulk endpoints (POST /v1/users/ban|unban, up to 50 ids per request); a batch the
 * endpoint rejects (e.g. an unknown id) falls back to one request per user for that batch, so each row
 * gets its own outcome. delete/lock/unlock/metadata are one request per user. Every one of these is
 * idempotent, so rows that were in flight when a run died are simply sent again on --resume
 * (a delete that finds the user gone is reported `skipped`).
 */
import {createHash} from 'node:crypto'
import {closeSync, existsSync, renameSync, writeSync} from 'node:fs'

import {ApiError, type Client} from '../../http/client.js'
import {usageError} from '../../util/errors.js'
import {type BapiUser, type UserFilter, USER_OBJECT_KEYS, allUsers, userExportColumnNames} from './users.js'
import type {BulkRecord} from '../../bulk/input.js'
import type {JqFilter} from '../../output/jq.js'
import {type BulkJob, type Item, type Outcome, outcomeFromError} from '../../bulk/runner.js'
import {openPrivate} from '../../util/private-file.js'
import {plural} from '../../util/plural.js'

export type BulkUserAction =
  'delete' | 'ban' | 'unban' | 'lock' | 'unlock' | 'metadata' | 'set-compromised' | 'unset-compromised'

/** The POST path suffix of the one-request-per-user actions other than delete. */
const ACTION_PATH: Partial<Record<BulkUserAction, string>> = {
  'set-compromised': '/password/set_compromised',
  'unset-compromised': '/password/unset_compromised',
}

const ID = /^[A-Za-z0-9_-]+$/
const userPath = (id: string, suffix = '') => `/users/${encodeURIComponent(id)}${suffix}`
const META = ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const
const ID_FIELDS = ['id', 'user_id']
/** A bulk file may be a `users list` / `users export` output: every key of a User and every export column. */
const USER_FIELDS = () => [...new Set([...ID_FIELDS, ...META, ...USER_OBJECT_KEYS, ...userExportColumnNames()])]

function userId(record: BulkRecord): string | {error: string} {
  const raw = record.id ?? record.user_id
  const id = typeof raw === 'string' ? raw.trim() : ''
  if (!id) return {error: 'no user id (an `id` or `user_id` column)'}
  if (!ID.test(id)) return {error: `"${id}" is not a user id`}
  return id
}

interface MetaRow {
  id: string
  body: Record<string, unknown>
}

function metadataRow(record: BulkRecord): {key: string; value: MetaRow} | {error: string} {
  const id = userId(record)
  if (typeof id !== 'string') return id
  const body: Record<string, unknown> = {}
  for (const k of META) {
    let v = record[k] ?? record[k.replace('_metadata', '')]
    if (v === undefined || v === null || v === '') continue
    if (typeof v === 'string') {
      try {
        v = JSON.parse(v)
      } catch {
        return {error: `${k} is not valid JSON`}
      }
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {error: `${k} must be a JSON object`}
    body[k] = v
  }
  if (Object.keys(body).length === 0)
    return {error: 'no metadata: give public_metadata, private_metadata or unsafe_metadata'}
  return {key: id, value: {id, body}}
}

/** One request for one user, as an Outcome (delete: a user already gone is `skipped`). */
async function single(client: Client, action: Exclude<BulkUserAction, 'metadata'>, id: string): Promise<Outcome> {
  try {
    if (action === 'delete') await client.request('DELETE', userPath(id))
    else if (ACTION_PATH[action]) await client.request('POST', userPath(id, ACTION_PATH[action]), {body: {}})
    else await client.request('POST', userPath(id, `/${action}`))
    return {status: 'ok', id}
  } catch (error) {
    if (action === 'delete' && error instanceof ApiError && error.status === 404)
      return {status: 'skipped', id, message: 'not found (already deleted?)'}
    return outcomeFromError(error)
  }
}

/** POST /v1/users/ban|unban for up to 50 ids; per-user requests for a batch it rejects or ids it does not return. */
async function bulkState(client: Client, action: 'ban' | 'unban', batch: Array<Item<string>>): Promise<Outcome[]> {
  let changed: Set<string>
  try {
    const users = await client.request<BapiUser[]>('POST', `/users/${action}`, {
      body: {user_ids: batch.map((i) => i.value)},
    })
    changed = new Set(users.map((u) => u.id))
  } catch (error) {
    const o = outcomeFromError(error)
    if (o.retryable) return batch.map(() => o)
    changed = new Set()
  }
  return Promise.all(
    batch.map((i) => (changed.has(i.value) ? {status: 'ok' as const, id: i.value} : single(client, action, i.value))),
  )
}

export function userActionJob(
  client: Client,
  action: BulkUserAction,
  options: {replace?: boolean} = {},
): BulkJob<string> | BulkJob<MetaRow> {
  if (action === 'metadata') {
    const method = options.replace ? 'PUT' : 'PATCH'
    const job: BulkJob<MetaRow> = {
      name: 'users metadata',
      action: options.replace ? 'replace user metadata' : 'merge user metadata',
      prepare: (record) => metadataRow(record),
      fields: [...USER_FIELDS(), 'public', 'private', 'unsafe'],
      reads: [...ID_FIELDS, ...META, 'public', 'private', 'unsafe'],
      planNotes: [
        `each row: ${method} /v1/users/{id}/metadata (${options.replace ? 'replaces each given field' : 'RFC 7386 merge: null removes a key'})`,
      ],
      async execute([item]) {
        try {
          await client.request(method, userPath(item.value.id, '/metadata'), {body: item.value.body})
          return [{status: 'ok', id: item.value.id}]
        } catch (error) {
          return [outcomeFromError(error)]
        }
      },
    }
    return job
  }
  const bulk = action === 'ban' || action === 'unban'
  const job: BulkJob<string> = {
    name: `users ${action}`,
    action: ACTION_PATH[action]
      ? `${action.replace('-compromised', '')} users' passwords as compromised`
      : `${action} users`,
    prepare(record) {
      const id = userId(record)
      return typeof id === 'string' ? {key: id, value: id} : id
    },
    fields: USER_FIELDS(),
    reads: ID_FIELDS,
    duplicates: 'skip',
    batchSize: bulk ? 50 : 1,
    planNotes: [
      bulk
        ? `POST /v1/users/${action} with up to 50 ids per request (per-user requests for a rejected batch)`
        : `each row: ${action === 'delete' ? 'DELETE /v1/users/{id}' : `POST /v1/users/{id}${ACTION_PATH[action] ?? `/${action}`}`}`,
    ],
    execute: (batch) =>
      bulk ? bulkState(client, action, batch) : Promise.all(batch.map((i) => single(client, action, i.value))),
  }
  return job
}

/**
 * --where: the filter as BAPI's query, plus --email-domain (matched exactly on the primary email's domain)
 * and --filter (a jq expression, evaluated locally on each user the query returns).
 */
export interface WhereFilter {
  filter: UserFilter
  emailDomain?: string
  jq?: string
}

/** How --where selected its users: read from BAPI, and kept by --email-domain / --filter. */
export interface Selection {
  scanned: number
  matched: number
}

/**
 * Collect the ids of the users matching `where` into a file (one id per line), written atomically.
 * With `reuse` and the file already there (a resumed run), it is used as is: users already deleted or
 * changed would no longer match, and the journal is tied to this exact list.
 */
export async function collectIds(
  client: Client,
  where: WhereFilter,
  path: string,
  reuse: boolean,
  notify: (l: string) => void,
  jq?: JqFilter,
): Promise<Selection | undefined> {
  if (reuse && existsSync(path)) {
    notify(`using the users selected by the earlier run (${path})`)
    return undefined
  }
  const domain = where.emailDomain?.replace(/^@/, '').toLowerCase()
  const filter: UserFilter = {...where.filter, order_by: '+created_at'}
  if (domain) filter.email_address_query = `@${domain}`
  const tmp = `${path}.tmp-${process.pid}`
  const fd = openPrivate(tmp, 'new', 'id list')
  let n = 0
  const counts = {scanned: 0, matched: 0}
  try {
    let users: AsyncIterable<BapiUser> = allUsers(client, filter, {pageSize: 500})
    if (jq) {
      const {filterRows} = await import('../../output/jq.js')
      users = filterRows(users, jq, counts)
    }
    for await (const u of users) {
      if (!jq) counts.scanned++
      if (domain && !u.email_addresses.some((e) => e.email_address.toLowerCase().endsWith(`@${domain}`))) continue
      writeSync(fd, `${u.id}\n`)
      n++
    }
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
  notify(`${plural(n, 'user')} match the filter (ids in ${path})`)
  return {scanned: counts.scanned, matched: n}
}

/** Where --where keeps its id list: next to --journal, else in the cwd, named by the action and the filter. */
export function whereIdsPath(action: string, where: WhereFilter, journal?: string): string {
  if (journal) return `${journal}.ids`
  const hash = createHash('sha256')
    .update(JSON.stringify({action, ...where}))
    .digest('hex')
    .slice(0, 12)
  return `clerk-users-${action}-${hash}.ids`
}

export function checkWhere(where: WhereFilter): void {
  const f = where.filter
  const any =
    Object.values(f).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)) ||
    where.emailDomain ||
    where.jq
  if (!any)
    throw usageError(
      '--where needs at least one filter',
      'e.g. --query, --email-domain, --created-before (refusing to select every user)',
    )
}

export interface UserBulkFlagValues {
  file?: string
  where?: boolean
  query?: string
  'email-domain'?: string
  'created-before'?: string
  'created-after'?: string
  banned?: boolean
  filter?: string
  journal?: string
  resume?: boolean
  replace?: boolean
}

/**
 * The whole bulk mode of a users command: --file or --where -> the runner -> exit code.
 * `runOptions` are bulkRunOptions(flags, ...) from flags.ts.
 */
export async function runUserBulk(
  client: Client,
  action: BulkUserAction,
  f: UserBulkFlagValues,
  runOptions: Omit<import('../../bulk/runner.js').BulkRunOptions, 'input'>,
): Promise<void> {
  const {runBulk, bulkExit} = await import('../../bulk/runner.js')
  const {parseTime} = await import('../../oclif/user-flags.js')
  if (f.file && f.where) throw usageError('give --file or --where, not both')
  let input = f.file
  let format = runOptions.format
  let selected: Selection | undefined
  if (f.filter !== undefined && !f.where)
    throw usageError('--filter selects users with --where', 'add --where (and server-side filters to narrow it)')
  if (f.where) {
    if (action === 'metadata') throw usageError('users metadata takes --file (a patch per row), not --where')
    const where: WhereFilter = {
      filter: {
        query: f.query,
        created_at_before: parseTime(f['created-before'], 'created-before'),
        created_at_after: parseTime(f['created-after'], 'created-after'),
        banned: f.banned === undefined ? undefined : String(f.banned),
      },
      emailDomain: f['email-domain'],
      jq: f.filter,
    }
    checkWhere(where)
    // compiled (and so checked: exit 2 on a bad expression) before the first request
    const jq =
      f.filter === undefined ? undefined : await (await import('../../output/jq.js')).JqFilter.compile(f.filter)
    input = whereIdsPath(action, where, f.journal)
    format = 'lines'
    selected = await collectIds(client, where, input, Boolean(f.resume), runOptions.notify, jq)
  }
  const job = userActionJob(client, action, {replace: f.replace}) as import('../../bulk/runner.js').BulkJob<unknown>
  if (selected) {
    const kept = [f['email-domain'] && '--email-domain', f.filter !== undefined && '--filter'].filter(Boolean)
    job.planNotes = [
      ...(job.planNotes ?? []),
      `selected: ${selected.scanned} users scanned (GET /v1/users), ${selected.matched} matched${kept.length ? ` ${kept.join(' and ')}` : ''}`,
    ]
  }
  const result = await runBulk(job, {...runOptions, input: input!, format})
  bulkExit(result)
}
