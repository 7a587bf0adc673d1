/** The shapes of a bulk job and its run (see runner.ts for how they fit together). */
import type {Rate} from '../http/rate.js'
import type {BulkRecord, InputFormat} from './input.js'
import type {ProgressMode} from './progress.js'
import type {ReportLine} from './report.js'

export type Prepared<T> = {key: string; value: T} | {error: string; key?: string} | {skip: string; key?: string}

/** What a job's readiness check found over the whole input, before anything is sent (see BulkJob.preflight). */
export interface PreflightResult {
  /** lines for the plan (e.g. `readiness: 1,990 users will sign in with their old password`) */
  lines: string[]
  /** rows that cannot succeed (e.g. an email taken by another user): treated like rows prepare() rejected */
  invalid?: Map<number, {key: string; message: string}>
  /** the run as a whole cannot go ahead (e.g. a user cap): nothing is sent, exit 2 */
  blocking?: {message: string; hint?: string}
  /** written into the journal's header on a fresh run (a resumed run gets it back in `header`) */
  header?: Record<string, unknown>
}

export interface Item<T> {
  /** the row number in the input (1 = first data row) */
  row: number
  key: string
  value: T
}

export interface Outcome {
  status: 'ok' | 'skipped' | 'failed'
  /** the id of the object created/changed/found */
  id?: string
  /** a Clerk error code (failed) */
  code?: string
  /** the error message (failed) or the reason (skipped) */
  message?: string
  /** the request may not have been processed (network, 5xx, 429): reconcile and send again */
  retryable?: boolean
}

/** The journal's record of one finished row (what --report and BulkRunOptions.onRecord see). */
export interface RowRecord {
  row: number
  key: string
  status: 'ok' | 'skipped' | 'failed'
  id?: string
  code?: string
  message?: string
  retryable?: boolean
  /** the job's own reference for the row (BulkJob.ref), e.g. the id the row had in another system */
  ref?: string
}

export interface BulkJob<T> {
  /** e.g. `users import`: names the journal's job, the plan and the progress line */
  name: string
  /** the verb for the confirmation, e.g. `create users`, `ban users` */
  action: string
  /** default true; false for read-only jobs (no confirmation) */
  mutating?: boolean
  /**
   * every column / key the job accepts (after --map): any other is exit 2 naming it, with the closest of
   * these as a suggestion. Leave it out only for a job that takes arbitrary keys. The plan lists the
   * input's columns as used, mapped or ignored (see `reads`).
   */
  fields?: readonly string[]
  /** validate and shape one record (no requests here). */
  prepare(record: BulkRecord, row: number): Prepared<T>
  /** items per execute() call (a bulk endpoint's batch size); default 1 */
  batchSize?: number
  /** requests one execute() call makes, for the plan and the endpoint budget; default 1 */
  requestsPerBatch?: number
  /** an endpoint limit stricter than the instance rate (e.g. 25/hour): paced and shown in the plan */
  budget?: {rate: Rate; label: string; /** for the countdown: `waiting for <name> (50/1h)` */ name?: string}
  /** what to do with a second row with the same key: 'invalid' (default), 'skip', or 'allow' */
  duplicates?: 'invalid' | 'skip' | 'allow'
  /** do the work for a batch; one Outcome per item, in order. Throwing fails the whole batch with that error. */
  execute(batch: Array<Item<T>>, ctx: {attempt: number}): Promise<Outcome[]>
  /**
   * A row was maybe sent (in flight when a run died, or a retryable failure): find out whether it took
   * effect (e.g. look the user up by email) -> its Outcome, or undefined to send it again.
   * Without it, such rows are simply sent again (fine for idempotent operations).
   */
  reconcile?(item: Item<T>): Promise<Outcome | undefined>
  /** extra lines for the plan, e.g. `on conflict: skip (keyed by external_id, else email)` */
  planNotes?: string[]
  /** the row's own reference kept in the journal with its outcome (e.g. a source system's id) */
  ref?(item: Item<T>): string | undefined
  /**
   * The readiness check: called once before the plan with every valid row that is still to do (a resumed
   * run leaves out rows done before; `pending` are rows a stopped run maybe sent), and the header of the
   * journal being resumed. May make (read-only) requests. Its lines join the plan; its invalid rows are
   * handled like invalid input; `blocking` stops the run before anything is sent.
   */
  preflight?(
    rows: AsyncIterable<Item<T>>,
    ctx: {pending: ReadonlySet<number>; header?: Record<string, unknown>; validateOnly: boolean},
  ): Promise<PreflightResult>
  /**
   * the fields prepare() actually sends, when fewer than `fields` (which also accepts, e.g., the columns
   * `users export` writes): the plan lists the input's columns as used, mapped (--map) or ignored
   */
  reads?: readonly string[]
}

export interface BulkRunOptions {
  /** a path, or '-' for stdin */
  input: string
  format?: InputFormat
  /** --map field=Column specs */
  map?: string[]
  /** field name for `lines` input (default `id`) */
  linesField?: string
  validateOnly?: boolean
  dryRun?: boolean
  yes?: boolean
  /** a person is at a terminal (may be asked) */
  interactive: boolean
  resume?: boolean
  /** with --resume: send rows that failed before again too */
  retryFailed?: boolean
  skipInvalid?: boolean
  journal?: string
  report?: string
  concurrency: number
  /** attempts per row for retryable failures (default 3) */
  maxAttempts?: number
  /** where the requests go: the plan names it */
  target: {apiUrl: string; instance: 'production' | 'development' | 'unknown'}
  /** the limiter: estimateMs for the plan, stats for progress/summary (absent: no time estimate) */
  limiter?: {
    estimateMs(requests: number): number
    stats: {rateLimited: number; jobs: number}
    rate?: Rate
    pausedUntilMs?: number
  }
  progress?: ProgressMode
  /** every row's outcome as it is known (the chosen -o format on stdout); closed when the run ends */
  results?: {write(line: ReportLine): void; close(): Promise<void>}
  /** a line for people (stderr) */
  notify: (line: string) => void
  stdin?: NodeJS.ReadableStream
  /** every finished row as it is journaled; on resume, the rows finished by earlier runs first */
  onRecord?: (r: RowRecord) => void
  /** called once after the last row (also when interrupted) */
  onEnd?: () => void
}

export interface BulkResult {
  job: string
  total: number
  ok: number
  skipped: number
  failed: number
  invalid: number
  /** rows not attempted (interrupted, or --validate-only/--dry-run) */
  notRun: number
  interrupted: boolean
  journal?: string
  report?: string
  /** the exit code the command should end with */
  exitCode: number
  elapsedMs: number
}
