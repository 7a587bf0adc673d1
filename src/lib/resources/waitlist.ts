/** Waitlist entries: /v1/waitlist_entries (list, create, bulk create, invite, reject). */
import {EMAIL} from '../util/patterns.js'
import type {BulkJob, Outcome} from '../bulk/runner.js'
import type {Client} from '../http/client.js'
import {simpleColumns} from './rows.js'
import {type Row} from '../http/client.js'
import {listAll} from '../http/pagers.js'

export const WAITLIST_STATUSES = ['pending', 'invited', 'completed', 'rejected'] as const

/** The keys of BAPI's WaitlistEntry object (spec components.schemas.WaitlistEntry). */
const WAITLIST_ENTRY_KEYS = [
  'object',
  'id',
  'email_address',
  'status',
  'is_locked',
  'created_at',
  'updated_at',
  'invitation',
]

export const waitlistColumns = (format: string) => ({
  ...simpleColumns(format, [
    ['id', 'ID'],
    ['email', 'EMAIL', 'email_address'],
    ['status', 'STATUS'],
    ['created', 'CREATED', 'created_at'],
    ['updated', 'UPDATED', 'updated_at'],
  ]),
  invitation_id: {header: 'INVITATION', get: (r: Row) => r.invitation?.id ?? ''},
})
export const WAITLIST_DEFAULTS = ['id', 'email', 'status', 'created']

export interface WaitlistFilter {
  status?: string
  query?: string
  order_by?: string
}

export const listWaitlist = (client: Client, filter: WaitlistFilter, opts: {limit?: number; offset?: number} = {}) =>
  listAll(client, '/waitlist_entries', {...filter}, opts)

export function addWaitlistEntry(client: Client, email: string, notify?: boolean): Promise<Row> {
  return client.request<Row>('POST', '/waitlist_entries', {
    body: notify === undefined ? {email_address: email} : {email_address: email, notify},
  })
}

/** At most 50 entries per request (BAPI's limit for POST /v1/waitlist_entries/bulk). */
export const WAITLIST_BULK_MAX = 50

export function addWaitlistEntries(
  client: Client,
  entries: Array<{email_address: string; notify?: boolean}>,
): Promise<Row[]> {
  return client.request<Row[]>('POST', '/waitlist_entries/bulk', {body: entries})
}

export function inviteWaitlistEntry(client: Client, id: string, ignoreExisting?: boolean): Promise<Row> {
  return client.request<Row>('POST', `/waitlist_entries/${encodeURIComponent(id)}/invite`, {
    body: ignoreExisting ? {ignore_existing: true} : {},
  })
}

export const rejectWaitlistEntry = (client: Client, id: string) =>
  client.request<Row>('POST', `/waitlist_entries/${encodeURIComponent(id)}/reject`)

interface WaitlistRow {
  email_address: string
  notify?: boolean
}

function parseNotify(v: unknown): boolean | undefined | 'bad' {
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v === 'boolean') return v
  const s = String(v).trim().toLowerCase()
  return s === 'true' || s === '1' || s === 'yes' ? true : s === 'false' || s === '0' || s === 'no' ? false : 'bad'
}

/**
 * `waitlist add --file`: rows (`email_address` or `email`, optional `notify`) in batches of 50 through
 * POST /v1/waitlist_entries/bulk. BAPI returns the existing entry for an address already on the list,
 * so sending a row twice is harmless (no reconcile needed). A batch BAPI rejects as a whole (422) is
 * retried row by row, so one bad address fails alone.
 */
export async function waitlistBulkJob(
  client: Client,
  defaultNotify: boolean | undefined,
): Promise<BulkJob<WaitlistRow>> {
  const {outcomeFromError} = await import('../bulk/runner.js')
  const one = async (v: WaitlistRow): Promise<Outcome> => {
    try {
      const e = await addWaitlistEntry(client, v.email_address, v.notify)
      return {status: 'ok', id: e.id}
    } catch (error) {
      return outcomeFromError(error)
    }
  }
  return {
    name: 'waitlist add',
    action: 'add to the waitlist',
    batchSize: WAITLIST_BULK_MAX,
    // a `waitlist list` output works as the file: every key of a WaitlistEntry is accepted
    fields: ['email', 'notify', ...WAITLIST_ENTRY_KEYS, ...Object.keys(waitlistColumns('csv'))],
    reads: ['email_address', 'email', 'notify'],
    duplicates: 'skip',
    prepare(record: Record<string, unknown>) {
      const email = String(record.email_address ?? record.email ?? '').trim()
      if (!email) return {error: 'email_address is required'}
      if (!EMAIL.test(email)) return {error: `not an email address: ${email}`}
      const notify = parseNotify(record.notify) ?? defaultNotify
      if (notify === 'bad') return {error: `notify must be true or false, not ${String(record.notify)}`}
      const value: WaitlistRow = notify === undefined ? {email_address: email} : {email_address: email, notify}
      return {key: email.toLowerCase(), value}
    },
    async execute(batch): Promise<Outcome[]> {
      try {
        const entries = await addWaitlistEntries(
          client,
          batch.map((i) => i.value),
        )
        const byEmail = new Map(entries.map((e) => [String(e.email_address).toLowerCase(), e.id as string]))
        return batch.map((i) => ({status: 'ok', id: byEmail.get(i.value.email_address.toLowerCase())}))
      } catch (error) {
        const outcome = outcomeFromError(error)
        if (outcome.retryable || batch.length === 1) return batch.map(() => outcome)
        const out: Outcome[] = []
        for (const item of batch) out.push(await one(item.value))
        return out
      }
    },
  }
}
