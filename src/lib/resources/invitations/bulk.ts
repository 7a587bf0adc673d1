/**
 * The --file modes of `orgs invite`, `invitations create` and `invitations revoke` as jobs for the shared
 * bulk runner (src/lib/bulk: journal, resume, report, exit 5). Invitations go 10 per bulk request, paced
 * by Clerk's published hourly limit (the job's budget), with a countdown on stderr when the wait is long.
 */
import {type BulkFlagValues, bulkRunOptions} from '../../oclif/bulk-flags.js'
import {type BulkJob, type BulkResult, type Item, type Outcome, type Prepared, runBulk} from '../../bulk/runner.js'
import type {Client} from '../../http/client.js'
import type {Config} from '../../config/resolve.js'
import {usageError} from '../../util/errors.js'
import {BULK_SIZE, INVITATION_KEYS, INVITE_LIMITS, invitationColumns, revokeInvitation} from './invitations.js'
import {
  instanceSkipLists,
  orgSkipLists,
  INVITE_FIELDS,
  type InstanceInviteDefaults,
  type InviteRow,
  type OrgInviteDefaults,
  type RowOutcome,
  instanceInviteBody,
  orgInviteBody,
  parseInviteRecord,
  pickInvitations,
  pickOrgInvitations,
  sendInvites,
} from './send.js'
import type {Page} from '../orgs.js'
import {type Rate, formatRate, parseRate} from '../../http/rate.js'

const enc = encodeURIComponent

function asOutcome(o: RowOutcome): Outcome {
  return o
}

const prepareRow = (
  record: Record<string, unknown>,
  withRole: boolean,
  skip: (email: string) => string | undefined,
): Prepared<InviteRow> => {
  const p = parseInviteRecord(record, withRole)
  if ('error' in p) return p
  const why = skip(p.row.email)
  return why ? {skip: why, key: p.row.email} : {key: p.row.email, value: p.row}
}

export interface InviteJobOptions {
  /** requests per hour (or any window) of the bulk endpoint: Clerk's published limit unless overridden */
  budget: Rate
}

/** `orgs invite ORG --file`: rows -> POST /organizations/{id}/invitations/bulk, 10 a request. */
export function orgInviteJob(
  client: Client,
  org: {id: string; slug: string},
  defaults: OrgInviteDefaults,
  skip: {members: Set<string>; pending: Set<string>},
  opts: InviteJobOptions,
): BulkJob<InviteRow> {
  const path = `/organizations/${enc(org.id)}/invitations`
  return {
    name: 'orgs invite',
    action: `invite people to ${org.slug}`,
    fields: [...INVITE_FIELDS, 'role'],
    batchSize: BULK_SIZE,
    duplicates: 'skip',
    budget: {
      rate: opts.budget,
      label: `POST /v1/organizations/{id}/invitations/bulk ${formatRate(opts.budget)} (Clerk's organization invitation limit)`,
      name: 'the organization invitation limit',
    },
    planNotes: [
      `skip:      ${skip.members.size} members and ${skip.pending.size} pending invitees of ${org.slug} are not invited again`,
    ],
    prepare: (record) =>
      prepareRow(record, true, (e) =>
        skip.members.has(e)
          ? 'already a member'
          : skip.pending.has(e)
            ? 'already invited (pending invitation)'
            : undefined,
      ),
    async execute(batch: Array<Item<InviteRow>>) {
      const outcomes = await sendInvites(
        client,
        path,
        batch.map((i) => orgInviteBody(i.value, defaults)),
        pickOrgInvitations,
        1,
      )
      return outcomes.map(asOutcome)
    },
    /** A row that was in flight when a run stopped: its pending invitation, if the request got through. */
    async reconcile(item) {
      const found = await client.request<Page<{id: string}>>('GET', path, {
        query: {email_address: item.key, status: 'pending', limit: 1},
      })
      return found.data[0] ? {status: 'ok', id: found.data[0].id, message: 'sent before the interruption'} : undefined
    },
  }
}

/** `invitations create --file`: rows -> POST /invitations/bulk, 10 a request. */
export function instanceInviteJob(
  client: Client,
  defaults: InstanceInviteDefaults,
  skip: {users: Set<string>; pending: Set<string>},
  opts: InviteJobOptions & {since: number},
): BulkJob<InviteRow> {
  return {
    name: 'invitations create',
    action: 'invite people to sign up',
    fields: INVITE_FIELDS,
    batchSize: BULK_SIZE,
    duplicates: 'skip',
    budget: {
      rate: opts.budget,
      label: `POST /v1/invitations/bulk ${formatRate(opts.budget)} (Clerk's invitation limit)`,
      name: 'the invitation limit',
    },
    planNotes: [
      `skip:      addresses of existing users (${skip.users.size} found)${defaults.ignoreExisting ? '' : ` and ${skip.pending.size} pending invitees`}`,
    ],
    prepare: (record) =>
      prepareRow(record, false, (e) =>
        skip.users.has(e)
          ? 'already a user'
          : skip.pending.has(e) && !defaults.ignoreExisting
            ? 'already invited (pending invitation)'
            : undefined,
      ),
    async execute(batch) {
      return (
        await sendInvites(
          client,
          '/invitations',
          batch.map((i) => instanceInviteBody(i.value, defaults)),
          pickInvitations,
          1,
        )
      ).map(asOutcome)
    },
    /** In flight when a run stopped: a pending invitation created since this run began means it got through. */
    async reconcile(item) {
      const found = await client.request<Array<{id: string; email_address: string; created_at: number}>>(
        'GET',
        '/invitations',
        {query: {query: item.key, status: 'pending', limit: 10}},
      )
      const hit = found.find((i) => i.email_address.toLowerCase() === item.key && i.created_at >= opts.since)
      return hit ? {status: 'ok', id: hit.id, message: 'sent before the interruption'} : undefined
    },
  }
}

/** Revoke answers that mean the invitation needs no revoking (Clerk's errors reference). */
const NOT_PENDING: Record<string, string> = {
  invitation_already_revoked: 'already revoked',
  invitation_already_accepted: 'already accepted (cannot be revoked)',
}

/** `invitations revoke --file`: one POST /invitations/{id}/revoke per id; an already revoked one is skipped. */
export function revokeInvitationsJob(client: Client): BulkJob<string> {
  return {
    name: 'invitations revoke',
    action: 'revoke invitations',
    // an `invitations list` output works as the file: every key of an Invitation is accepted
    fields: ['invitation_id', ...INVITATION_KEYS, ...Object.keys(invitationColumns('csv'))],
    reads: ['id', 'invitation_id'],
    duplicates: 'skip',
    prepare(record) {
      const id = String(record.id ?? record.invitation_id ?? '').trim()
      if (!id) return {error: 'id is required'}
      if (!/^inv_\w+$/.test(id)) return {error: `"${id}" is not an invitation id (inv_...)`}
      return {key: id, value: id}
    },
    async execute([item]) {
      try {
        return [{status: 'ok', id: (await revokeInvitation(client, item.value)).id}]
      } catch (error) {
        const e = error as {status?: number; errors?: Array<{code?: string}>}
        const code = e.errors?.[0]?.code
        if (e.status === 400 && code && NOT_PENDING[code])
          return [{status: 'skipped', id: item.value, code, message: NOT_PENDING[code]}]
        throw error
      }
    },
  }
}

export interface FileRun {
  client: Client
  cfg: Config
  flags: BulkFlagValues & {file: string; 'invite-limit'?: string}
  notify: (line: string) => void
}

function budgetFrom(text: string | undefined, published: Rate): Rate {
  if (!text) return published
  try {
    return parseRate(text)
  } catch (error) {
    throw usageError(`--invite-limit: ${(error as Error).message}`)
  }
}

/** A bad address fails its own row only: invalid rows are reported as failed and the rest is sent. */
const runInviteJob = (run: FileRun, job: BulkJob<InviteRow>): Promise<BulkResult> =>
  runBulk(job, {
    ...bulkRunOptions(run.flags, run.cfg, run.client, run.notify),
    input: run.flags.file,
    skipInvalid: true,
  })

/** `orgs invite ORG --file`: skip lists (members, pending invitees), then the bulk run. */
export async function inviteOrgFile(
  run: FileRun,
  org: {id: string; slug: string},
  defaults: OrgInviteDefaults,
): Promise<BulkResult> {
  const budget = budgetFrom(run.flags['invite-limit'], INVITE_LIMITS.org.bulk)
  const skip = await orgSkipLists(run.client, org.id)
  return runInviteJob(run, orgInviteJob(run.client, org, defaults, skip, {budget}))
}

/** `invitations create --file`: skip lists need the addresses, so the file is read once for them first. */
export async function inviteInstanceFile(run: FileRun, defaults: InstanceInviteDefaults): Promise<BulkResult> {
  const budget = budgetFrom(run.flags['invite-limit'], INVITE_LIMITS.instance.bulk)
  const {openInput, parseMap, readRecords} = await import('../../bulk/input.js')
  const emails: string[] = []
  if (run.flags.file !== '-') {
    const source = await openInput(run.flags.file, {format: run.flags['input-format'] as 'csv' | undefined})
    for await (const {record} of readRecords(source, {map: parseMap(run.flags.map)})) {
      const e = String(record?.email ?? record?.email_address ?? '')
        .trim()
        .toLowerCase()
      if (e) emails.push(e)
    }
  }
  const skip = await instanceSkipLists(run.client, emails)
  return runInviteJob(run, instanceInviteJob(run.client, defaults, skip, {budget, since: Date.now() - 86_400_000}))
}
