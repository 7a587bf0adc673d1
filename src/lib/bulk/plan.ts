/** Before the first request: validate every row (job.prepare, duplicate keys) and describe the plan. */
import {humanDuration} from '../util/duration.js'
import {usageError} from '../util/errors.js'
import {formatRate} from '../http/rate.js'
import {type BulkRecord, type InputSource, InputError, parseMap, readRecords} from './input.js'
import {EndpointPacer} from './pacer.js'
import {UnknownFields, dirtyValue} from './fields.js'
import type {BulkJob, BulkRunOptions, Item, PreflightResult, Prepared} from './types.js'
import {plural} from '../util/plural.js'

export interface Validation {
  /** every column (CSV) or field (JSONL) seen in the input, after --map, in first-seen order */
  columns: Set<string>
  valid: number
  invalid: Map<number, {key: string; message: string}>
  skip: Map<number, {key: string; message: string}>
}

export const MAX_SHOWN = 10

export async function validate<T>(
  job: BulkJob<T>,
  source: InputSource,
  opts: BulkRunOptions,
  map: Map<string, string>,
): Promise<Validation> {
  const invalid = new Map<number, {key: string; message: string}>()
  const skip = new Map<number, {key: string; message: string}>()
  const seen = new Map<string, number>()
  const columns = new Set<string>()
  let valid = 0
  const unknown = job.fields ? new UnknownFields(new Set(job.fields)) : undefined
  try {
    for await (const {row, record, error} of readRecords(source, {map, linesField: opts.linesField})) {
      unknown?.see(record, row)
      if (columns.size < 500) for (const k of Object.keys(record)) columns.add(k)
      const dirty = error ? undefined : dirtyValue(record)
      const p: Prepared<T> = error ? {error} : dirty ? {error: dirty} : safePrepare(job, record, row)
      if ('error' in p) {
        invalid.set(row, {key: p.key ?? '', message: p.error})
        continue
      }
      if ('skip' in p) {
        skip.set(row, {key: p.key ?? '', message: p.skip})
        continue
      }
      const first = seen.get(p.key)
      if (first !== undefined && (job.duplicates ?? 'invalid') !== 'allow') {
        const message = `duplicate of row ${first} (same key ${p.key})`
        if (job.duplicates === 'skip') skip.set(row, {key: p.key, message})
        else invalid.set(row, {key: p.key, message})
        continue
      }
      seen.set(p.key, row)
      valid++
    }
  } catch (error) {
    if (error instanceof InputError) throw usageError(`${source.label}: row ${error.row}: ${error.message}`)
    throw error
  }
  unknown?.check(source.label, source.format)
  return {columns, valid, invalid, skip}
}

/**
 * `columns:` lines of the plan: which input columns the job reads, which came in through --map, and which
 * it accepts but does not send (e.g. the `id` and timestamps of a `users export` file).
 */
export function columnLines(fields: readonly string[], columns: Set<string>, map: Map<string, string>): string[] {
  const known = new Set(fields)
  const mapped: string[] = []
  const used: string[] = []
  const ignored: string[] = []
  for (const c of columns) {
    const from = map.get(c)
    if (from !== undefined && from !== c && known.has(c)) mapped.push(`${c} <- "${from}"`)
    else if (known.has(c)) used.push(c)
    else ignored.push(c)
  }
  const lines = [`  columns:   used ${used.length ? used.join(', ') : '(none)'}`]
  if (mapped.length) lines.push(`             mapped ${mapped.join(', ')}`)
  lines.push(`             ignored ${ignored.length ? ignored.join(', ') : '(none)'}`)
  return lines
}

/** Every valid row (prepared again, in order) that `keep(row)` accepts: the input of a job's preflight. */
export async function* validItems<T>(
  job: BulkJob<T>,
  source: InputSource,
  opts: BulkRunOptions,
  map: Map<string, string>,
  v: Validation,
  keep: (row: number) => boolean,
): AsyncGenerator<Item<T>> {
  for await (const {row, record, error} of readRecords(source, {map, linesField: opts.linesField})) {
    if (error || v.invalid.has(row) || v.skip.has(row) || !keep(row)) continue
    const p = safePrepare(job, record, row)
    if ('key' in p && 'value' in p) yield {row, key: p.key, value: p.value}
  }
}

/** Run the job's readiness check (if it has one) and fold its invalid rows into the validation. */
export async function runPreflight<T>(
  job: BulkJob<T>,
  source: InputSource,
  opts: BulkRunOptions,
  map: Map<string, string>,
  v: Validation,
  ctx: {done: ReadonlySet<number>; pending: ReadonlySet<number>; header?: Record<string, unknown>},
): Promise<PreflightResult | undefined> {
  if (!job.preflight) return undefined
  const rows = validItems(job, source, opts, map, v, (row) => !ctx.done.has(row))
  const result = await job.preflight(rows, {
    pending: ctx.pending,
    header: ctx.header,
    validateOnly: Boolean(opts.validateOnly),
  })
  for (const [row, bad] of result.invalid ?? []) {
    if (v.invalid.has(row)) continue
    v.invalid.set(row, bad)
    v.valid--
  }
  return result
}

export function safePrepare<T>(job: BulkJob<T>, record: BulkRecord, row: number): Prepared<T> {
  try {
    return job.prepare(record, row)
  } catch (error) {
    return {error: (error as Error).message}
  }
}

export function planLines<T>(
  job: BulkJob<T>,
  source: InputSource,
  opts: BulkRunOptions,
  v: Validation,
  toSend: number,
  reconciles: number,
  already: number,
) {
  const batch = job.batchSize ?? 1
  const requests = Math.ceil(toSend / batch) * (job.requestsPerBatch ?? 1)
  let ms = opts.limiter ? opts.limiter.estimateMs(requests + reconciles) : undefined
  if (job.budget) ms = Math.max(ms ?? 0, EndpointPacer.estimateMs(job.budget.rate, requests))
  const lines = [
    `Plan: ${job.name} from ${source.label} (${source.format})`,
    `  rows:      ${v.valid + v.invalid.size + v.skip.size} (${v.valid} valid${v.invalid.size ? `, ${v.invalid.size} invalid` : ''}${v.skip.size ? `, ${v.skip.size} skipped` : ''})`,
  ]
  if (job.fields) lines.push(...columnLines(job.reads ?? job.fields, v.columns, parseMapSafe(opts.map)))
  if (already) lines.push(`  journal:   ${plural(already, 'row')} already done, not sent again`)
  if (reconciles)
    lines.push(
      `  in flight: ${plural(reconciles, 'row')} were maybe sent by the run that stopped; checked before sending again`,
    )
  lines.push(
    `  target:    ${opts.target.instance} instance at ${opts.target.apiUrl}`,
    `  requests:  ${requests}${batch > 1 ? ` (batches of ${batch})` : ''}${reconciles ? ` + up to ${reconciles} look-ups` : ''}`,
  )
  if (opts.limiter?.rate)
    lines.push(`  budget:    ${formatRate(opts.limiter.rate)}${job.budget ? `; ${job.budget.label}` : ''}`)
  else if (job.budget) lines.push(`  budget:    ${job.budget.label}`)
  if (ms !== undefined) lines.push(`  time:      about ${humanDuration(ms)} at that budget`)
  for (const note of job.planNotes ?? []) lines.push(`  ${note}`)
  return {lines, requests}
}

function parseMapSafe(specs: string[] | undefined): Map<string, string> {
  try {
    return parseMap(specs)
  } catch {
    return new Map()
  }
}
