/** Waitlist entries: /v1/waitlist_entries (list, create, bulk create, invite, reject). */
import type {Client} from './client.js'
import {type Row, listAll, simpleColumns} from './resources.js'

export const WAITLIST_STATUSES = ['pending', 'invited', 'completed', 'rejected'] as const

export const waitlistColumns = (format: string) => ({
  ...simpleColumns(format, [['id', 'ID'], ['email', 'EMAIL', 'email_address'], ['status', 'STATUS'], ['created', 'CREATED', 'created_at'], ['updated', 'UPDATED', 'updated_at']]),
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
  return client.request<Row>('POST', '/waitlist_entries', {body: notify === undefined ? {email_address: email} : {email_address: email, notify}})
}

/** At most 50 entries per request (BAPI's limit for POST /v1/waitlist_entries/bulk). */
export const WAITLIST_BULK_MAX = 50

export function addWaitlistEntries(client: Client, entries: Array<{email_address: string; notify?: boolean}>): Promise<Row[]> {
  return client.request<Row[]>('POST', '/waitlist_entries/bulk', {body: entries})
}

export function inviteWaitlistEntry(client: Client, id: string, ignoreExisting?: boolean): Promise<Row> {
  return client.request<Row>('POST', `/waitlist_entries/${encodeURIComponent(id)}/invite`, {body: ignoreExisting ? {ignore_existing: true} : {}})
}

export const rejectWaitlistEntry = (client: Client, id: string) => client.request<Row>('POST', `/waitlist_entries/${encodeURIComponent(id)}/reject`)
