/**
 * The bulk runner: every bulk command (users import/delete/ban/…, orgs invite --file, waitlist add --file)
 * is a {@link BulkJob} handed to {@link runBulk}. The runner owns everything around the per-row work:
 *
 *   input (CSV/JSONL/lines, file or stdin, --map)  ->  validate every row (job.prepare; duplicate keys)
 *   -> plan (rows, instance, requests, time at the budget)  ->  confirm (terminal) / --yes / --dry-run
 *   -> execute batches through the shared limiter (job.execute, `concurrency` at once, endpoint budget)
 *   -> journal every intent and outcome (resume: skip done rows, reconcile rows that were in flight)
 *   -> report (NDJSON per row), summary on stderr, exit code 0 / 5 (some failed) / 130 (interrupted).
 *
 * Writing a job:
 *
 *   const job: BulkJob<{email: string}> = {
 *     name: 'orgs invite',                      // journal header, plan, progress label
 *     action: 'invite',                         // "invite 250 rows on the production instance?"
 *     prepare: (record, row) => record.email ? {key: String(record.email), value: {email: String(record.email)}}
 *                                            : {error: 'email is required'},   // or {skip: 'reason'}
 *     batchSize: 10,                            // items per execute() call (one bulk request); default 1
 *     budget: {rate: {limit: 50, windowMs: 3_600_000}, label: 'POST …/invitations/bulk 50/hour'},
 *     async execute(batch) {                    // one Outcome per item, same order
 *       const res = await client.request('POST', `/organizations/${org}/invitations/bulk`, {body: …})
 *       return batch.map((item) => ({status: 'ok', id: …}))   // or {status: 'skipped', message: 'already invited'}
 *     },
 *     async reconcile(item) { … }               // optional: was this in-flight row done? look it up by key
 *   }
 *   const result = await runBulk(job, {...bulkRunOptions(flags, cfg, client), input: file})
 *   bulkExit(result)                            // throws CliError(5|130) when needed
 *
 * Failures: execute() may throw (every item of the batch fails with that error) or return per-item
 * failures; {@link outcomeFromError} classifies errors (network, 5xx, 429 = retryable: the request may or
 * may not have happened). Retryable failures are reconciled (if the job can) and re-sent up to
 * `maxAttempts` times; a row still failing retryably stays "retryable" in the journal, and --resume tries it again.
 */
import {closeSync, existsSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'

import {humanDuration, sleep} from '../util/duration.js'
import {checkDistinctFiles} from '../util/paths.js'
import {CliError, ExitCode, toCliError, usageError} from '../util/errors.js'
import {formatRate} from '../http/rate.js'
import {confirmDestructive} from '../output/prompts.js'
import {type InputSource, openInput, parseMap, readRecords} from './input.js'
import {
  type DoneEntry,
  type JournalHeader,
  JournalWriter,
  type JournalState,
  checkJournalHeader,
  loadJournalState,
  setAsideIfFinished,
  setAsideNote,
} from './journal.js'
import {EndpointPacer} from './pacer.js'
import {Progress} from './progress.js'
import {MAX_SHOWN, planLines, runPreflight, safePrepare, validate} from './plan.js'
import {ReportWriter, reportLine} from './report.js'
import type {BulkJob, BulkResult, BulkRunOptions, Item, Outcome} from './types.js'
import {plural} from '../util/plural.js'

export type {BulkJob, BulkResult, BulkRunOptions, Item, Outcome, PreflightResult, Prepared, RowRecord} from './types.js'

/** Network errors, timeouts, 5xx and 429 may not have been processed: retry (after reconciling). */
export function outcomeFromError(error: unknown): Outcome {
  const e = error as {status?: number; errors?: Array<{code?: string}>}
  const cli = toCliError(error)
  const status = e?.status
  const retryable = status === undefined || status >= 500 || status === 429 || status === 408
  return {status: 'failed', code: e?.errors?.[0]?.code ?? cli.extra.code ?? 'error', message: cli.message, retryable}
}

/** The default journal: next to the input (`users.csv` -> `users.csv.journal`); for stdin, in the cwd. */
export function defaultJournalPath(source: InputSource, job: string): string {
  if (!source.stdin) return join(dirname(source.path), `${basename(source.path)}.journal`)
  return `clerk-${job.replaceAll(/\W+/g, '-')}-${source.sha256.slice(0, 12)}.journal`
}

/** Run a bulk job end to end. Throws CliError for bad input or refused confirmation; returns the tally otherwise. */
export async function runBulk<T>(job: BulkJob<T>, opts: BulkRunOptions): Promise<BulkResult> {
  const started = Date.now()
  const map = parseMap(opts.map)
  // nothing is opened before this: --report x.csv on the input x.csv would truncate it
  checkDistinctFiles([
    ['the input', opts.input],
    ['--report', opts.report],
    ['--journal', opts.journal],
  ])
  const source = await openInput(opts.input, {format: opts.format, stdin: opts.stdin})
  try {
    return await runSource(job, opts, source, map, started)
  } finally {
    if (source.fd !== undefined) {
      try {
        closeSync(source.fd)
      } catch {}
    }
  }
}

async function runSource<T>(
  job: BulkJob<T>,
  opts: BulkRunOptions,
  source: InputSource,
  map: Map<string, string>,
  started: number,
): Promise<BulkResult> {
  const notify = opts.notify
  const v = await validate(job, source, opts, map)
  const total = v.valid + v.invalid.size + v.skip.size
  // Resume state (read before the readiness check: rows done by earlier runs are not checked again)
  const journalPath = opts.journal ?? defaultJournalPath(source, job.name)
  let state: JournalState = {done: new Map(), pending: new Set()}
  let journalExists = existsSync(journalPath)
  if (journalExists && !opts.resume && !opts.dryRun && !opts.validateOnly) {
    // a finished run does not block the next one (a nightly job in a reused workspace): set it aside
    const moved = await setAsideIfFinished(journalPath)
    if (moved) {
      notify(setAsideNote(journalPath, moved))
      journalExists = false
    }
  }
  if (journalExists && opts.resume && !opts.validateOnly) {
    state = await loadJournalState(journalPath)
    checkJournalHeader(journalPath, state.header, job.name, source.sha256)
  }
  // Rows that failed retryably are treated like rows in flight: checked, then sent again.
  const redo = (d: DoneEntry) => (d.status === 'failed' && (d.retryable || opts.retryFailed)) || false
  for (const [row, d] of state.done) {
    if (redo(d)) {
      state.done.delete(row)
      if (d.retryable) state.pending.add(row)
    }
  }
  const preflight = await runPreflight(job, source, opts, map, v, {
    done: new Set(state.done.keys()),
    pending: state.pending,
    header: state.header,
  })
  const result: BulkResult = {
    job: job.name,
    total,
    ok: 0,
    skipped: 0,
    failed: 0,
    invalid: v.invalid.size,
    notRun: 0,
    interrupted: false,
    exitCode: ExitCode.OK,
    elapsedMs: 0,
  }
  const shown = [...v.invalid].slice(0, MAX_SHOWN)
  for (const [row, {message}] of shown) notify(`row ${row}: ${message}`)
  if (v.invalid.size > MAX_SHOWN)
    notify(
      `… and ${v.invalid.size - MAX_SHOWN} more invalid rows${opts.report ? ` (all in ${opts.report})` : ' (use --report PATH for all)'}`,
    )

  if (opts.validateOnly) {
    if (opts.report) {
      const report = new ReportWriter(opts.report)
      for (const [row, {key, message}] of v.invalid)
        report.write({row, key, status: 'failed', code: 'invalid_row', message})
      report.close()
      result.report = opts.report
    }
    for (const line of preflight?.lines ?? []) notify(line)
    notify(
      `${source.label}: ${plural(total, 'row')}, ${v.valid} valid, ${v.invalid.size} invalid${v.skip.size ? `, ${v.skip.size} would be skipped` : ''}`,
    )
    if (preflight?.blocking) notify(`not ready: ${preflight.blocking.message}`)
    result.notRun = total
    result.invalid = v.invalid.size
    result.exitCode = v.invalid.size || preflight?.blocking ? ExitCode.USAGE : ExitCode.OK
    result.elapsedMs = Date.now() - started
    return result
  }
  if (v.invalid.size && !opts.skipInvalid) {
    throw usageError(
      `${v.invalid.size} of ${plural(total, 'row')} are invalid; nothing was sent`,
      'fix the input, or add --skip-invalid to send the valid rows (invalid ones are reported as failed)',
    )
  }

  if (journalExists && !opts.resume && !opts.dryRun) {
    throw usageError(
      `journal ${journalPath} is from an earlier run that did not finish`,
      'add --resume to continue it (rows already done are skipped), or --journal PATH for a new one',
    )
  }
  const already = state.done.size
  const toRun = v.valid + v.skip.size + v.invalid.size - [...state.done.keys()].length
  const toSend = Math.max(0, v.valid - [...state.done.keys()].filter((r) => !v.invalid.has(r) && !v.skip.has(r)).length)
  const {lines} = planLines(job, source, opts, v, toSend, job.reconcile ? state.pending.size : 0, already)
  for (const line of lines) notify(line)
  for (const line of preflight?.lines ?? []) notify(line)
  if (preflight?.blocking)
    throw usageError(`not ready: ${preflight.blocking.message}; nothing was sent`, preflight.blocking.hint)

  if (opts.dryRun) {
    notify(`Dry run: nothing was sent.`)
    result.notRun = total
    result.elapsedMs = Date.now() - started
    return result
  }
  if ((job.mutating ?? true) && toSend > 0) {
    const production = opts.target.instance === 'production'
    await confirmDestructive(
      {interactive: opts.interactive, yes: opts.yes},
      `${job.action}: ${plural(toSend, 'row')} on the ${opts.target.instance} instance`,
      {production, typed: String(toSend), preview: {job: job.name, requests: toSend, plan: lines}},
    )
  }

  const header: JournalHeader | undefined =
    journalExists && opts.resume
      ? undefined
      : {
          t: 'header',
          v: 1,
          job: job.name,
          input: source.label,
          sha256: source.sha256,
          created_at: new Date().toISOString(),
          ...preflight?.header,
        }
  const journal = JournalWriter.open(journalPath, header)
  result.journal = journalPath
  const report = opts.report ? new ReportWriter(opts.report) : undefined
  result.report = opts.report
  for (const d of state.done.values()) {
    report?.write(d)
    opts.onRecord?.(d)
    opts.results?.write(reportLine(d))
    tally(result, d.status)
  }
  const record = (d: Omit<DoneEntry, 't'>) => {
    journal.append({t: 'done', ...d})
    report?.write(d)
    opts.onRecord?.(d)
    opts.results?.write(reportLine(d))
    tally(result, d.status)
    progress.tick()
  }

  /** BulkJob.ref of each row in flight, journaled with its outcome */
  const refs = new Map<number, string | undefined>()
  const refOf = (key: string) => (job.ref && key ? {ref: key} : {})
  const entry = (item: Item<T>, o: Outcome) => {
    const d = entryOf(item, o)
    const ref = refs.get(item.row)
    if (ref !== undefined) d.ref = ref
    refs.delete(item.row)
    return d
  }
  const pacer = job.budget ? new EndpointPacer(job.budget.rate) : undefined
  const progress = new Progress({
    label: job.name,
    total: Math.max(0, toRun),
    mode: opts.progress,
    rateLimited: () => opts.limiter?.stats.rateLimited ?? 0,
    waiting: () => longestWait(job, opts, pacer),
  })
  let stopping = false
  let signals = 0
  const onSignal = (signal: NodeJS.Signals) => {
    if (++signals > 1) {
      journal.close()
      report?.close()
      notify(`${signal} again: exiting now; the journal is saved, resume with --resume`)
      process.exit(ExitCode.INTERRUPTED)
    }
    stopping = true
    result.interrupted = true
    notify(`${signal}: stopping; finishing the rows in flight (again to exit at once)`)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 3)

  async function runBatch(batch: Array<Item<T>>): Promise<void> {
    let todo = batch
    for (let attempt = 1; todo.length > 0; attempt++) {
      journal.append({t: 'intent', rows: todo.map((i) => i.row)})
      await pacer?.take(job.requestsPerBatch ?? 1)
      let outcomes: Outcome[]
      try {
        outcomes = await job.execute(todo, {attempt})
        if (outcomes.length !== todo.length)
          throw new Error(`${job.name}: execute returned ${outcomes.length} outcomes for ${todo.length} items`)
      } catch (error) {
        const o = outcomeFromError(error)
        outcomes = todo.map(() => o)
      }
      const again: Array<Item<T>> = []
      const exhausted: Array<[Item<T>, Outcome]> = []
      todo.forEach((item, i) => {
        const o = outcomes[i]
        if (!(o.status === 'failed' && o.retryable && !stopping)) record(entry(item, o))
        else if (attempt < maxAttempts) again.push(item)
        else exhausted.push([item, o])
      })
      // out of attempts on an answer that may hide a success (a lost response, a 5xx after processing):
      // look the row up once more before reporting it failed
      if (exhausted.length > 0) {
        const unconfirmed = new Set(await reconcileAll(exhausted.map(([item]) => item)))
        for (const [item, o] of exhausted) if (unconfirmed.has(item)) record(entry(item, o))
      }
      if (again.length === 0) return
      await sleep(Math.min(8000, 300 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2))
      todo = await reconcileAll(again)
    }
  }

  /** Items that may have been done: ask the job; those it cannot confirm are returned to be sent. */
  async function reconcileAll(items: Array<Item<T>>): Promise<Array<Item<T>>> {
    if (!job.reconcile) return items
    const send: Array<Item<T>> = []
    for (const item of items) {
      let o: Outcome | undefined
      try {
        o = await job.reconcile(item)
      } catch (error) {
        o = outcomeFromError(error)
      }
      if (o) record(entry(item, o))
      else send.push(item)
    }
    return send
  }

  async function* batches(): AsyncGenerator<Array<Item<T>>> {
    const size = Math.max(1, job.batchSize ?? 1)
    let batch: Array<Item<T>> = []
    for await (const {row, record: rec, error} of readRecords(source, {map, linesField: opts.linesField})) {
      if (stopping) return
      if (state.done.has(row)) continue
      const bad = v.invalid.get(row)
      if (bad) {
        record({row, key: bad.key, status: 'failed', code: 'invalid_row', message: bad.message, ...refOf(bad.key)})
        continue
      }
      const sk = v.skip.get(row)
      if (sk) {
        record({row, key: sk.key, status: 'skipped', message: sk.message})
        continue
      }
      const p = error ? {error} : safePrepare(job, rec, row)
      if (!('key' in p) || !('value' in p)) continue // cannot happen: validated above
      let item: Item<T> = {row, key: p.key, value: p.value}
      if (job.ref) refs.set(row, job.ref(item))
      if (state.pending.has(row)) {
        const [left] = await reconcileAll([item])
        if (!left) continue
        item = left
      }
      batch.push(item)
      if (batch.length >= size) {
        yield batch
        batch = []
      }
    }
    if (batch.length && !stopping) yield batch
  }

  const source$ = batches()
  const worker = async () => {
    for (;;) {
      if (stopping) return
      const next = await source$.next()
      if (next.done) return
      await runBatch(next.value)
    }
  }
  try {
    await Promise.all(Array.from({length: Math.max(1, opts.concurrency)}, worker))
  } finally {
    progress.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    journal.append({t: 'end', at: new Date().toISOString(), interrupted: result.interrupted})
    journal.close()
    report?.close()
    opts.onEnd?.()
    await opts.results?.close()
  }
  result.elapsedMs = Date.now() - started
  result.notRun = Math.max(0, total - result.ok - result.skipped - result.failed)
  // rows left "not run" without an interruption are never a success
  result.exitCode = result.interrupted
    ? ExitCode.INTERRUPTED
    : result.failed > 0 || result.notRun > 0
      ? ExitCode.PARTIAL
      : ExitCode.OK
  notify(summaryLine(result, opts.limiter?.stats))
  return result
}

/** What the run is waiting for, if anything: a 429 pause of the limiter, or the job's endpoint budget. */
function longestWait<T>(
  job: BulkJob<T>,
  opts: BulkRunOptions,
  pacer: EndpointPacer | undefined,
): {until: number; why: string} | undefined {
  const paused = opts.limiter?.pausedUntilMs ?? 0
  const paced = pacer?.waitingUntil ?? 0
  if (paused > 0 && paused >= paced) return {until: paused, why: 'rate limited (HTTP 429)'}
  if (paced > 0 && job.budget)
    return {until: paced, why: `${job.budget.name ?? 'the endpoint limit'} (${formatRate(job.budget.rate)})`}
  return undefined
}

function entryOf<T>(item: Item<T>, o: Outcome): Omit<DoneEntry, 't'> {
  const d: Omit<DoneEntry, 't'> = {row: item.row, key: item.key, status: o.status}
  if (o.id) d.id = o.id
  if (o.code) d.code = o.code
  if (o.message) d.message = o.message
  if (o.status === 'failed' && o.retryable) d.retryable = true
  return d
}

function tally(r: BulkResult, status: DoneEntry['status']): void {
  if (status === 'ok') r.ok++
  else if (status === 'skipped') r.skipped++
  else r.failed++
}

export function summaryLine(r: BulkResult, stats?: {rateLimited: number; jobs: number}): string {
  const secs = r.elapsedMs / 1000
  const parts = [`${plural(r.total, 'row')}`, `${r.ok} ok`, `${r.skipped} skipped`, `${r.failed} failed`]
  if (r.notRun) parts.push(`${r.notRun} not run`)
  parts.push(humanDuration(r.elapsedMs))
  if (secs > 0) parts.push(`${((r.ok + r.skipped + r.failed) / secs).toFixed(1)} rows/s`)
  if (stats) parts.push(`${plural(stats.jobs, 'request')}`, `${stats.rateLimited} 429s`)
  const where = [r.report ? `report ${r.report}` : '', r.journal ? `journal ${r.journal}` : '']
    .filter(Boolean)
    .join(', ')
  return `${r.job}: ${parts.join(' · ')}${r.interrupted ? ' · INTERRUPTED' : ''}${where ? ` (${where})` : ''}`
}

/** End the command with the result's exit code: 5 when rows failed, 130 when interrupted, 2 when --validate-only found bad rows. */
export function bulkExit(r: BulkResult): void {
  if (r.exitCode === ExitCode.OK) return
  if (r.exitCode === ExitCode.INTERRUPTED) {
    throw new CliError(
      `interrupted after ${r.ok + r.skipped + r.failed} of ${plural(r.total, 'row')}`,
      ExitCode.INTERRUPTED,
      {
        hint: 'run the same command again with --resume to finish (rows already done are skipped)',
      },
    )
  }
  if (r.exitCode === ExitCode.PARTIAL) {
    const what = [r.failed ? `${r.failed} failed` : '', r.notRun ? `${r.notRun} not run` : ''].filter(Boolean)
    throw new CliError(`${what.join(', ')} of ${plural(r.total, 'row')}`, ExitCode.PARTIAL, {
      hint: r.report ? `see ${r.report}` : "add --report PATH for every row's outcome (or read the journal)",
    })
  }
  throw new CliError(`${r.invalid} of ${plural(r.total, 'row')} are invalid`, r.exitCode)
}
