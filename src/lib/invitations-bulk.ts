/**
 * The --file modes of `orgs invite`, `invitations create` and `invitations revoke` as jobs for the shared
 * bulk runner (src/lib/bulk: journal, resume, report, exit 5). Invitations go 10 per bulk request, paced
 * by Clerk's published hourly limit (the job's budget), with a countdown on stderr when the wait is long.
 */
import {type BulkFlagValues, bulkRunOptions} from './bulk/flags.js'
import {type BulkJob, type BulkResult, type Item, type Outcome, type Prepared, runBulk} from './bulk/runner.js'
import type {Client} from './client.js'
import type {Config} from './config.js'
import {usageError} from './errors.js'
import {humanDuration} from './duration.js'
import {
  BULK_SIZE, INVITE_LIMITS, instanceSkipLists, orgSkipLists, type InstanceInviteDefaults, type InviteRow, type OrgInviteDefaults, type RowOutcome, instanceInviteBody, orgInviteBody,
  parseInviteRecord, pickInvitations, pickOrgInvitations, revokeInvitation, sendInvites,
} from './invitations.js'
import type {Page} from './orgs.js'
import {type Rate, formatRate, parseRate} from './rate.js'

const enc = encodeURIComponent

/**
 * The runner paces each bulk request with a token bucket at `rate` (full at the start, as Clerk's hourly
 * budget is for a fresh instance) but waits silently. This mirror of that bucket, advanced at each
 * execute(), knows when the next request may leave; while every worker is waiting (nothing in flight)
 * and that is more than `minMs` away — or while the limiter is paused by a 429 — it prints a countdown.
 */
export class BudgetCountdown {
  private tokens: number
  private last = Date.now()
  private nextAt = 0
  private inFlight = 0
  private timer?: NodeJS.Timeout
  private shownUntil = 0
  private lastLine = 0

  constructor(
    private readonly rate: Rate,
    private readonly label: string,
    private readonly pausedUntil: () => number,
    private readonly write: (text: string) => void,
    private readonly tty = Boolean(process.stderr.isTTY),
    private readonly minMs = 3000,
  ) {
    this.tokens = rate.limit
  }

  /** Wrap execute(): one token per request, as the runner's pacer takes it. */
  async around<T>(fn: () => Promise<T>): Promise<T> {
    const now = Date.now()
    this.tokens = Math.min(this.rate.limit, this.tokens + ((now - this.last) * this.rate.limit) / this.rate.windowMs) - 1
    this.last = now
    this.nextAt = this.tokens >= 1 ? 0 : now + ((1 - this.tokens) * this.rate.windowMs) / this.rate.limit
    this.inFlight++
    this.timer ??= setInterval(() => this.tick(), 1000).unref()
    try {
      return await fn()
    } finally {
      this.inFlight--
    }
  }

  private tick(): void {
    const now = Date.now()
    const paused = this.pausedUntil()
    const until = Math.max(paused, this.inFlight === 0 ? this.nextAt : 0)
    if (until - now < this.minMs && this.shownUntil <= now) return
    if (until <= now) {
      if (this.tty && this.shownUntil) this.write('\r\u001B[2K')
      this.shownUntil = 0
      return
    }
    const why = paused >= until ? 'rate limited (HTTP 429)' : `${this.label} (${formatRate(this.rate)})`
    const text = `waiting for ${why}: ${humanDuration(until - now)} left, resuming at ${new Date(until).toLocaleTimeString()}`
    if (this.tty) this.write(`\r\u001B[2K${text}`)
    else if (this.shownUntil !== until || now - this.lastLine >= 10_000) {
      this.write(`${text}\n`)
      this.lastLine = now
    }
    this.shownUntil = until
  }

  stop(): void {
    clearInterval(this.timer)
    if (this.tty && this.shownUntil) this.write('\r\u001B[2K')
  }
}

function asOutcome(o: RowOutcome): Outcome {
  return o
}

const prepareRow = (record: Record<string, unknown>, withRole: boolean, skip: (email: string) => string | undefined): Prepared<InviteRow> => {
  const p = parseInviteRecord(record, withRole)
  if ('error' in p) return p
  const why = skip(p.row.email)
  return why ? {skip: why, key: p.row.email} : {key: p.row.email, value: p.row}
}

export interface InviteJobOptions {
  /** requests per hour (or any window) of the bulk endpoint: Clerk's published limit unless overridden */
  budget: Rate
  countdown?: BudgetCountdown
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
  const run = <T>(fn: () => Promise<T>) => (opts.countdown ? opts.countdown.around(fn) : fn())
  return {
    name: 'orgs invite',
    action: `invite people to ${org.slug}`,
    batchSize: BULK_SIZE,
    duplicates: 'skip',
    budget: {rate: opts.budget, label: `POST /v1/organizations/{id}/invitations/bulk ${formatRate(opts.budget)} (Clerk's organization invitation limit)`},
    planNotes: [`skip:      ${skip.members.size} members and ${skip.pending.size} pending invitees of ${org.slug} are not invited again`],
    prepare: (record) => prepareRow(record, true, (e) => (skip.members.has(e) ? 'already a member' : skip.pending.has(e) ? 'already invited (pending invitation)' : undefined)),
    async execute(batch: Array<Item<InviteRow>>) {
      const outcomes = await run(() => sendInvites(client, path, batch.map((i) => orgInviteBody(i.value, defaults)), pickOrgInvitations, 1))
      return outcomes.map(asOutcome)
    },
    /** A row that was in flight when a run stopped: its pending invitation, if the request got through. */
    async reconcile(item) {
      const found = await client.request<Page<{id: string}>>('GET', path, {query: {email_address: item.key, status: 'pending', limit: 1}})
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
  const run = <T>(fn: () => Promise<T>) => (opts.countdown ? opts.countdown.around(fn) : fn())
  return {
    name: 'invitations create',
    action: 'invite people to sign up',
    batchSize: BULK_SIZE,
    duplicates: 'skip',
    budget: {rate: opts.budget, label: `POST /v1/invitations/bulk ${formatRate(opts.budget)} (Clerk's invitation limit)`},
    planNotes: [`skip:      addresses of existing users (${skip.users.size} found)${defaults.ignoreExisting ? '' : ` and ${skip.pending.size} pending invitees`}`],
    prepare: (record) => prepareRow(record, false, (e) =>
      skip.users.has(e) ? 'already a user' : skip.pending.has(e) && !defaults.ignoreExisting ? 'already invited (pending invitation)' : undefined),
    async execute(batch) {
      return (await run(() => sendInvites(client, '/invitations', batch.map((i) => instanceInviteBody(i.value, defaults)), pickInvitations, 1))).map(asOutcome)
    },
    /** In flight when a run stopped: a pending invitation created since this run began means it got through. */
    async reconcile(item) {
      const found = await client.request<Array<{id: string; email_address: string; created_at: number}>>('GET', '/invitations',
        {query: {query: item.key, status: 'pending', limit: 10}})
      const hit = found.find((i) => i.email_address.toLowerCase() === item.key && i.created_at >= opts.since)
      return hit ? {status: 'ok', id: hit.id, message: 'sent before the interruption'} : undefined
    },
  }
}

/** `invitations revoke --file`: one POST /invitations/{id}/revoke per id; an already revoked one is skipped. */
export function revokeInvitationsJob(client: Client): BulkJob<string> {
  return {
    name: 'invitations revoke',
    action: 'revoke invitations',
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
        const e = error as {status?: number}
        if (e.status === 400) return [{status: 'skipped', id: item.value, message: 'not pending (already revoked, accepted or expired)'}]
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

async function runWithCountdown(run: FileRun, job: BulkJob<unknown>, countdown: BudgetCountdown): Promise<BulkResult> {
  try {
    // a bad address fails its own row only: invalid rows are reported as failed and the rest is sent
    return await runBulk(job, {...bulkRunOptions(run.flags, run.cfg, run.client, run.notify), input: run.flags.file, skipInvalid: true})
  } finally {
    countdown.stop()
  }
}

const countdownFor = (run: FileRun, budget: Rate, label: string) =>
  new BudgetCountdown(budget, label, () => run.client.limiter.pausedUntilMs, (t) => process.stderr.write(t))

/** `orgs invite ORG --file`: skip lists (members, pending invitees), then the bulk run. */
export async function inviteOrgFile(run: FileRun, org: {id: string; slug: string}, defaults: OrgInviteDefaults): Promise<BulkResult> {
  const budget = budgetFrom(run.flags['invite-limit'], INVITE_LIMITS.org.bulk)
  const skip = await orgSkipLists(run.client, org.id)
  const countdown = countdownFor(run, budget, 'the organization invitation limit')
  return runWithCountdown(run, orgInviteJob(run.client, org, defaults, skip, {budget, countdown}) as BulkJob<unknown>, countdown)
}

/** `invitations create --file`: skip lists need the addresses, so the file is read once for them first. */
export async function inviteInstanceFile(run: FileRun, defaults: InstanceInviteDefaults): Promise<BulkResult> {
  const budget = budgetFrom(run.flags['invite-limit'], INVITE_LIMITS.instance.bulk)
  const {openInput, parseMap, readRecords} = await import('./bulk/input.js')
  const emails: string[] = []
  if (run.flags.file !== '-') {
    const source = await openInput(run.flags.file, {format: run.flags['input-format'] as 'csv' | undefined})
    for await (const {record} of readRecords(source, {map: parseMap(run.flags.map)})) {
      const e = String(record?.email ?? record?.email_address ?? '').trim().toLowerCase()
      if (e) emails.push(e)
    }
  }
  const skip = await instanceSkipLists(run.client, emails)
  const countdown = countdownFor(run, budget, 'the invitation limit')
  const job = instanceInviteJob(run.client, defaults, skip, {budget, countdown, since: Date.now() - 86_400_000})
  return runWithCountdown(run, job as BulkJob<unknown>, countdown)
}
