/**
 * The bulk jobs behind the MCP bulk tools (bulk-tools.ts): the same jobs, runner, limiter and journal as the
 * CLI's `--file` modes. Without `confirm` the runner does a dry run and the tool answers its plan; with it the
 * job runs, resuming the journal of an earlier call on the same input (a call the client abandoned, or a
 * server that was killed), and sends MCP progress notifications as rows finish.
 *
 * Input is a file on the server's machine (`file`) or rows in the call (`rows` / ids), which are written to a
 * private file under the config dir named by their hash (and the call's parameters): the same call again finds
 * the same file, so the same journal.
 */
import {createHash} from 'node:crypto'
import {closeSync, existsSync, openSync, readSync, writeSync} from 'node:fs'
import {join, resolve} from 'node:path'

import {configDir} from '../config/profiles-file.js'
import {CliError, ExitCode, toCliError, usageError} from '../util/errors.js'
import {openPrivate, privateDir} from '../util/private-file.js'
import {realPathOf} from '../util/paths.js'
import type {BulkPlan, BulkResult, BulkRunOptions, RowRecord} from '../bulk/runner.js'
import type {InputFormat} from '../bulk/formats.js'

/** What the MCP SDK gives a tool call beyond its arguments. */
export interface CallContext {
  /** aborted when the client cancels the call */
  signal?: AbortSignal
  /** a progress notification to the client (only when it sent a progressToken) */
  progress?: (progress: number, total: number | undefined, message: string) => void
}

/** The arguments every bulk tool takes. */
export interface BulkArgs {
  file?: string
  input_format?: InputFormat
  rows?: Array<Record<string, unknown>>
  journal?: string
  skip_invalid?: boolean
  retry_failed?: boolean
  confirm?: boolean
}

/** A job ready to run: the tool's part (which job, its parameters) of one bulk call. */
export interface BulkCall {
  /** the tool, for the spool file's name */
  tool: string
  args: BulkArgs
  /** rows given as plain values (ids): spooled one per line */
  lines?: string[]
  /** what the rows are sent with (an org, a role, on_conflict...): kept in the journal's header */
  params: Record<string, unknown>
  /** run the job with these runner options (the tool builds the job and calls runBulk, or a CLI helper) */
  run(options: Partial<BulkRunOptions> & {input: string; format?: InputFormat}): Promise<BulkResult>
}

export const MAX_INLINE_ROWS = 5000
const MAX_FAILURES = 20
/** progress notifications: at most one a second, plus one per 10% of the rows, plus the last */
const PROGRESS_EVERY_MS = 1000

const running = new Set<string>()

/** Plan (no confirm) or run (confirm) one bulk call; the tool's answer. */
export async function bulkCall(call: BulkCall, ctx: CallContext): Promise<unknown> {
  const {input, format, label} = inputOf(call)
  const journal = resolve(call.args.journal ?? `${input}.journal`)
  const report = `${journal.replace(/\.journal$/, '')}.report.ndjson`
  checkParams(journal, call.params)
  const key = realPathOf(journal)
  if (running.has(key))
    throw usageError(`a run on ${journal} is in progress in this server`, 'wait for that call to finish')
  running.add(key)
  const notes: string[] = []
  let plan: BulkPlan | undefined
  const common = {
    input,
    format,
    journal,
    resume: true,
    interactive: false,
    progress: 'none' as const,
    notify: (line: string) => void (notes.length < 200 && notes.push(line)),
    onPlan: (p: BulkPlan) => (plan = p),
  }
  try {
    if (call.args.confirm !== true) {
      await call.run({...common, dryRun: true, skipInvalid: true})
      return planAnswer(plan, label, report, notes, call.args)
    }
    const failures: RowRecord[] = []
    const progress = new ProgressSender(ctx.progress, () => plan?.total)
    const result = await call.run({
      ...common,
      yes: true,
      skipInvalid: call.args.skip_invalid,
      retryFailed: call.args.retry_failed,
      report,
      header: {params: call.params},
      signal: ctx.signal,
      onRecord(r) {
        if (r.status === 'failed' && failures.length < MAX_FAILURES) failures.push(r)
        progress.tick(r.status)
      },
    })
    progress.flush(true)
    return runAnswer(result, plan, failures, notes)
  } catch (error) {
    throw forAgents(error, notes)
  } finally {
    running.delete(key)
  }
}

/** The input file: the caller's (`file`), or the inline rows written to a private file. */
function inputOf(call: BulkCall): {input: string; format?: InputFormat; label: string} {
  const {file, rows} = call.args
  const given = [file !== undefined, rows !== undefined, call.lines !== undefined].filter(Boolean).length
  if (given !== 1) throw usageError('give exactly one input: `file` (a path) or the rows inline')
  if (file !== undefined) {
    if (file === '-') throw usageError('`file` cannot be stdin here (it carries the MCP session)', 'give a path')
    const path = resolve(file)
    if (!existsSync(path)) throw usageError(`file ${path} does not exist`)
    return {input: path, format: call.args.input_format, label: path}
  }
  const lines = call.lines ?? rows!.map((r) => JSON.stringify(r))
  if (lines.length > MAX_INLINE_ROWS)
    throw usageError(`${lines.length} rows inline; at most ${MAX_INLINE_ROWS}`, 'put them in a file and pass `file`')
  const text = `${lines.join('\n')}\n`
  const hash = createHash('sha256')
    .update(JSON.stringify(call.params))
    .update('\n')
    .update(text)
    .digest('hex')
    .slice(0, 16)
  const dir = join(configDir(), 'mcp-jobs')
  privateDir(dir, 'the MCP jobs directory')
  const path = join(dir, `${call.tool}-${hash}.${call.lines ? 'txt' : 'jsonl'}`)
  if (!existsSync(path)) {
    const fd = openPrivate(path, 'new', 'rows')
    try {
      writeSync(fd, text)
    } finally {
      closeSync(fd)
    }
  }
  return {input: path, format: call.lines ? 'lines' : 'jsonl', label: `${lines.length} rows inline (${path})`}
}

/** A journal written by an earlier call for other parameters (another org, action...) is not resumed. */
function checkParams(journal: string, params: Record<string, unknown>): void {
  if (!existsSync(journal)) return
  const header = firstLine(journal)
  if (!header || header.params === undefined) return // a journal of the CLI: its parameters are not recorded
  if (JSON.stringify(header.params) !== JSON.stringify(params))
    throw usageError(
      `journal ${journal} belongs to a run with other parameters (${JSON.stringify(header.params)})`,
      'pass `journal` with a new path to start a separate run',
    )
}

function firstLine(path: string): Record<string, unknown> | undefined {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(65_536)
    const n = readSync(fd, buf, 0, buf.length, 0)
    const line = buf.subarray(0, n).toString('utf8').split('\n')[0]
    return JSON.parse(line)
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

function planAnswer(
  plan: BulkPlan | undefined,
  label: string,
  report: string,
  notes: string[],
  args: BulkArgs,
): unknown {
  if (!plan) throw new CliError('the job stopped before its plan', ExitCode.FAILURE)
  const invalidRows = notes.filter((l) => /^row \d+: /.test(l))
  const hints = [
    plan.toSend > 0 ? 'call again with the same input and confirm: true to send' : 'nothing to send',
    plan.invalid && !args.skip_invalid
      ? `${plan.invalid} rows are invalid: with confirm the call is refused unless skip_invalid: true (they are reported failed)`
      : '',
    plan.alreadyDone ? `${plan.alreadyDone} rows were done by an earlier call (the journal): not sent again` : '',
  ].filter(Boolean)
  return {
    sent: false,
    plan: {
      input: label,
      rows: plan.total,
      valid: plan.valid,
      invalid: plan.invalid,
      skipped: plan.skipped,
      already_done: plan.alreadyDone,
      in_flight: plan.inFlight,
      to_send: plan.toSend,
      requests: plan.requests,
      estimated_seconds: plan.estimateMs === undefined ? null : Math.ceil(plan.estimateMs / 1000),
      journal: plan.journal,
      report,
      lines: plan.lines,
    },
    ...(invalidRows.length ? {invalid_rows: invalidRows} : {}),
    hint: hints.join('; '),
  }
}

function runAnswer(r: BulkResult, plan: BulkPlan | undefined, failures: RowRecord[], notes: string[]): unknown {
  const status = r.interrupted ? 'interrupted' : r.exitCode === ExitCode.OK ? 'done' : 'partial'
  return {
    sent: true,
    job: r.job,
    status,
    exit: r.exitCode,
    rows: r.total,
    ok: r.ok,
    skipped: r.skipped,
    failed: r.failed,
    invalid: r.invalid,
    not_run: r.notRun,
    already_done: plan?.alreadyDone ?? 0,
    elapsed_ms: r.elapsedMs,
    journal: r.journal,
    report: r.report,
    summary: notes.at(-1),
    failures: failures.map((f) => ({row: f.row, key: f.key, code: f.code ?? null, message: f.message ?? null})),
    ...(status === 'done'
      ? {}
      : {
          hint:
            status === 'interrupted'
              ? 'call again with the same input and confirm: true to finish (rows already done are skipped)'
              : `see ${r.report}; call again with retry_failed: true to send the failed rows again`,
        }),
  }
}

/** CLI wording in the runner's errors, for an agent: flags become the tool's arguments. */
const FLAG_ARGS: Array<[RegExp, string]> = [
  [/--skip-invalid/g, 'skip_invalid: true'],
  [/--journal( PATH)?/g, '`journal` (a new path)'],
  [/add --resume/g, 'call again'],
  [/--resume/g, 'the same call again'],
  [/--retry-failed/g, 'retry_failed: true'],
]
const reword = (s: string | undefined) => FLAG_ARGS.reduce((t, [re, arg]) => t?.replace(re, arg), s)

function forAgents(error: unknown, notes: string[]): CliError {
  const e = toCliError(error)
  const rows = notes.filter((l) => /^row \d+: /.test(l))
  return new CliError(reword(e.message)!, e.exitCode, {
    ...e.extra,
    hint: reword(e.extra.hint),
    ...(rows.length ? {preview: {invalid_rows: rows}} : {}),
  })
}

/** MCP progress: rows finished (earlier calls' rows included) of all rows, at a rate a client can take. */
class ProgressSender {
  private done = 0
  private failed = 0
  private sent = 0
  private lastAt = 0
  private lastBucket = 0

  constructor(
    private readonly send: CallContext['progress'],
    private readonly total: () => number | undefined,
  ) {}

  tick(status: RowRecord['status']): void {
    this.done++
    if (status === 'failed') this.failed++
    this.flush(false)
  }

  flush(last: boolean): void {
    if (!this.send || this.done <= this.sent) return
    const total = this.total()
    const bucket = total ? Math.floor((this.done / total) * 10) : 0
    const now = Date.now()
    if (!last && now - this.lastAt < PROGRESS_EVERY_MS && bucket === this.lastBucket) return
    this.sent = this.done
    this.lastAt = now
    this.lastBucket = bucket
    this.send(this.done, total, `${this.done}/${total ?? '?'} rows${this.failed ? `, ${this.failed} failed` : ''}`)
  }
}
