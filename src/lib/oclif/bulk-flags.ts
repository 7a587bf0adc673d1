/**
 * The flags every bulk command shares: spread `bulkFlags` into a command's flags and turn the parsed
 * values into runner options with `bulkRunOptions(flags, cfg, client)`.
 *
 *   static flags = {...bulkFlags, 'on-conflict': Flags.string(...)}
 *   const result = await runBulk(job, {...bulkRunOptions(this.flags, this.cfg, client, (m) => this.note(m)), input: this.args.file})
 *   bulkExit(result)
 */
import {Flags} from '@oclif/core'

import {usageError} from '../util/errors.js'

import type {Client} from '../http/client.js'
import {type Config, type OutputFormat, instanceKind} from '../config/resolve.js'
import {rowResultSink} from '../output/row-results.js'
import {INPUT_FORMATS, type InputFormat} from '../bulk/input.js'
import type {ProgressMode} from '../bulk/progress.js'
import type {BulkRunOptions} from '../bulk/runner.js'

export const bulkFlags = {
  'input-format': Flags.string({
    helpGroup: 'BULK',
    options: [...INPUT_FORMATS],
    description:
      'input format (default: from the file name: .csv, .jsonl/.ndjson, .txt = one value per line; else sniffed: json is a whole document, e.g. {"users": [...]})',
  }),
  map: Flags.string({
    helpGroup: 'BULK',
    multiple: true,
    description: 'take a field from a differently named column, e.g. --map email="Email Address" (repeatable)',
  }),
  'validate-only': Flags.boolean({
    helpGroup: 'BULK',
    description: 'check every row, report the invalid ones, send nothing (exit 2 if any is invalid)',
  }),
  'dry-run': Flags.boolean({helpGroup: 'BULK', description: 'validate and print the plan; send nothing'}),
  yes: Flags.boolean({
    char: 'y',
    helpGroup: 'BULK',
    description: 'proceed without asking (required when not at a terminal)',
  }),
  journal: Flags.string({helpGroup: 'BULK', description: 'journal file (default: next to the input, <input>.journal)'}),
  resume: Flags.boolean({
    helpGroup: 'BULK',
    description:
      'continue the journal of an earlier run: rows already done are skipped (starts fresh when there is none)',
  }),
  'retry-failed': Flags.boolean({
    helpGroup: 'BULK',
    description: 'with --resume: send rows that failed in earlier runs again',
  }),
  report: Flags.string({
    helpGroup: 'BULK',
    description: "write every row's outcome as NDJSON: {row, key, status, id, code, message}",
  }),
  'skip-invalid': Flags.boolean({
    helpGroup: 'BULK',
    description: 'send the valid rows even if some are invalid (those are reported as failed)',
  }),
  progress: Flags.string({
    helpGroup: 'BULK',
    options: ['auto', 'bar', 'lines', 'none'],
    default: 'auto',
    description: 'progress on stderr: a bar on a terminal, periodic lines otherwise',
  }),
}

/** The bulk modes of `users delete|ban|unban|lock|unlock|metadata`: a file of ids, or --where with filters. */
export const userBulkFlags = {
  ...bulkFlags,
  file: Flags.string({
    helpGroup: 'BULK',
    description: 'act on every user in this file: one id per line (.txt), or CSV/JSONL with an id column; - for stdin',
  }),
  where: Flags.boolean({
    helpGroup: 'BULK',
    description: 'act on every user matching the filters below (ids are collected first, then acted on)',
  }),
  query: Flags.string({
    helpGroup: 'BULK',
    description: 'with --where: users matching this search (email, phone, username, names, ids)',
  }),
  'email-domain': Flags.string({
    helpGroup: 'BULK',
    description: 'with --where: users with an email address at this domain',
  }),
  'created-before': Flags.string({
    helpGroup: 'BULK',
    description: 'with --where: users created before this time (ISO 8601 or epoch ms)',
  }),
  'created-after': Flags.string({
    helpGroup: 'BULK',
    description: 'with --where: users created after this time (ISO 8601 or epoch ms)',
  }),
  filter: Flags.string({
    helpGroup: 'BULK',
    description:
      'with --where: only users for which this jq expression is true, checked locally on each user the filters above return',
  }),
}

/** Flags that only mean something for a file of rows: given without --file (or --where) they are exit 2, never ignored. */
export const BULK_ONLY_FLAGS = ['report', 'journal', 'resume', 'retry-failed', 'skip-invalid', 'input-format', 'map']

/**
 * Called by the base command for every command: one that has a --file flag and the bulk flags, run
 * without --file/--where, may not be given a bulk-only flag (e.g. --report in single mode).
 */
export function checkBulkOnlyFlags(defined: Record<string, unknown>, given: Record<string, unknown>): void {
  if (!('file' in defined) || !('report' in defined) || given.file !== undefined || given.where) return
  for (const name of BULK_ONLY_FLAGS) {
    const v = given[name]
    if (v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0))
      throw usageError(`--${name} applies only with --file${'where' in defined ? ' or --where' : ''}`)
  }
}

export interface BulkFlagValues {
  'input-format'?: string
  map?: string[]
  'validate-only'?: boolean
  'dry-run'?: boolean
  yes?: boolean
  journal?: string
  resume?: boolean
  'retry-failed'?: boolean
  report?: string
  'skip-invalid'?: boolean
  progress?: string
  output?: string
  json?: boolean
}

/** Runner options from the parsed flags (everything but `input`). `client` may be omitted for --validate-only. */
export function bulkRunOptions(
  flags: BulkFlagValues,
  cfg: Config,
  client: Client | undefined,
  notify: (line: string) => void,
): Omit<BulkRunOptions, 'input'> {
  return {
    format: flags['input-format'] as InputFormat | undefined,
    map: flags.map,
    validateOnly: flags['validate-only'],
    dryRun: flags['dry-run'],
    yes: flags.yes,
    interactive: cfg.interactive,
    resume: flags.resume,
    retryFailed: flags['retry-failed'],
    skipInvalid: flags['skip-invalid'],
    journal: flags.journal,
    report: flags.report,
    concurrency: cfg.maxConcurrent,
    target: {apiUrl: cfg.apiUrl, instance: instanceKind(cfg.secretKey) as 'production' | 'development' | 'unknown'},
    limiter: client
      ? {
          estimateMs: (n) => client.limiter.estimateMs(n),
          stats: client.limiter.stats,
          rate: cfg.rate,
          get pausedUntilMs() {
            return client.limiter.pausedUntilMs
          },
        }
      : undefined,
    progress: flags.progress as ProgressMode | undefined,
    // per-row results on stdout in the chosen -o format (a table for people by default)
    results: rowResultSink(flags.json ? 'json' : ((flags.output as OutputFormat | undefined) ?? 'table'), notify),
    notify,
  }
}
