/** The shapes of a bulk job and its run (see runner.ts for how they fit together). */
import type {Rate} from '../http/rate.js'
import type {BulkRecord, InputFormat} from './input.js'
import type {ProgressMode} from './progress.js'
import type {ReportLine} from './report.js'

export type Prepared<T> = {key: string; value: T} | {error: string} | {skip: string; key?: string}

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

export interface BulkJob<T> {
  /** e.g. `users import`: names the journal's job, the plan and the progress line */
  name: string
  /** the verb for the confirmation, e.g. `create users`, `ban users` */
  action: string
  /** default true; false for read-only jobs (no confirmation) */
  mutating?: boolean
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
  /** the columns/fields the job reads: the plan lists the input's columns as used, mapped (--map) or ignored */
  fields?: readonly string[]
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
