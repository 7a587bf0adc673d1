/**
 * `--jq EXPR` and `--filter EXPR`: programs run by real jq (1.8, compiled to WebAssembly by the `jq-wasm`
 * package), loaded only by commands given one of these flags (`await import('./jq.js')`).
 *
 * jq compiles its program on every run (a few ms), so values are handed to it in batches: whatever part
 * of a stream has already arrived (a page, at most MAX_BATCH values) goes in one run, and a batch is cut
 * as soon as the stream has to wait for the network. Output is one result per line, compact JSON
 * (`jq -c`), strings raw with `-r`.
 */
import type {Jq} from 'jq-wasm'

import {CliError, ExitCode, usageError} from '../util/errors.js'

/** The most values one jq run takes (bounds memory; a page of 500 users is ~1 MB of JSON). */
export const MAX_BATCH = 1000

let engine: Promise<JqEngine> | undefined

function loadEngine(): Promise<JqEngine> {
  engine ??= import('jq-wasm').then((m) => m.loadJq() as Promise<JqEngine>)
  return engine
}

const isError = (line: string) => line.startsWith('jq: error')

/**
 * Check `source` before anything is sent: jq given no input compiles the program and stops, so a syntax
 * error or an unknown function is reported in jq's own words (exit 2) and nothing else runs.
 */
async function compile(source: string, flag: string): Promise<JqEngine> {
  if (!source.trim()) throw usageError(`--${flag} needs a jq expression`, `e.g. --${flag} '.id'`)
  if (source.includes('\0')) throw usageError(`--${flag}: the expression contains a NUL character`)
  const jq = await loadEngine()
  const r = jq.raw('', source, ['-c'])
  if (r.exitCode !== 0) {
    const lines = r.stderr.split('\n').filter((l) => l.trim() && !/^jq: \d+ compile errors?$/.test(l))
    throw usageError(`--${flag}: ${lines.join('\n') || `jq exited ${r.exitCode}`}`)
  }
  return jq
}

/** jq-wasm as bundled (scripts/build.js JQ_EDITS): rawFrom reads jq's stdin from a function. */
interface JqEngine extends Jq {
  rawFrom(read: (into: Uint8Array) => number, query: string, flags?: string[]): ReturnType<Jq['raw']>
}

const encoder = new TextEncoder()

/**
 * jq's stdin for `values`: JSON texts, one per line (jq reads them as a stream of inputs), each one
 * stringified and encoded straight into jq's buffer when jq reads that far, so no page-sized string or
 * byte array is built.
 */
function inputReader(values: unknown[]): (into: Uint8Array) => number {
  let next = 0
  let text = ''
  let carry: Uint8Array | undefined // the bytes of a character that did not fit the last buffer
  return (into) => {
    let n = 0
    if (carry) {
      n = Math.min(carry.length, into.length)
      into.set(carry.subarray(0, n))
      carry = n < carry.length ? carry.subarray(n) : undefined
    }
    while (n < into.length) {
      if (!text) {
        if (next >= values.length) break
        text = (next > 0 ? '\n' : '') + (JSON.stringify(values[next]) ?? 'null')
        next++
      }
      const {read, written} = encoder.encodeInto(text, into.subarray(n))
      n += written
      if (read > 0) text = text.slice(read)
      else {
        // not even one character fits: hand over what does, keep the rest for the next read
        const ch = encoder.encode(String.fromCodePoint(text.codePointAt(0)!))
        text = text.slice(ch.length > 3 ? 2 : 1)
        const k = into.length - n
        into.set(ch.subarray(0, k), n)
        n += k
        carry = ch.subarray(k)
      }
    }
    return n
  }
}

/** The result of one run: what to print, and the first jq error (after printing what came before it). */
export interface JqRun {
  text: string
  error?: CliError
}

export interface JqOutputOptions {
  /** -r: strings printed raw (no quotes, no escapes) */
  raw?: boolean
  /** --slurp: every item first, the program runs once on the array */
  slurp?: boolean
}

/** A compiled `--jq` program. */
export class JqProgram {
  private constructor(
    private readonly jq: JqEngine,
    readonly source: string,
    readonly options: JqOutputOptions,
  ) {}

  static async compile(source: string, options: JqOutputOptions = {}): Promise<JqProgram> {
    return new JqProgram(await compile(source, 'jq'), source, options)
  }

  /**
   * Run the program over `values` (each one an input, or with `slurp` one array of them all) and return
   * the printed text. A jq error stops the output where jq stopped: the batch is run again value by
   * value to print exactly the results before the failing one.
   */
  run(values: unknown[], slurp = false): JqRun {
    if (values.length === 0 && !slurp) return {text: ''}
    const flags = slurp ? ['-c', '--slurp'] : ['-c']
    const r = this.jq.rawFrom(inputReader(values), this.source, flags)
    const problems = this.stderr(r.stderr)
    if (!problems.error) return {text: this.render(r.stdout)}
    if (slurp || values.length === 1) return {text: this.render(r.stdout), error: problems.error}
    let text = ''
    for (const value of values) {
      const one = this.run([value])
      text += one.text
      if (one.error) return {text, error: one.error}
    }
    return {text}
  }

  private render(stdout: string): string {
    if (!stdout) return ''
    if (!this.options.raw) return `${stdout}\n`
    let text = ''
    for (const line of stdout.split('\n')) text += `${line.startsWith('"') ? (JSON.parse(line) as string) : line}\n`
    return text
  }

  /** jq's stderr: `debug`/`stderr` output is passed on; the first `jq: error` becomes the error. */
  private stderr(stderr: string): {error?: CliError} {
    if (!stderr) return {}
    let error: CliError | undefined
    for (const line of stderr.split('\n')) {
      if (isError(line)) error ??= jqError(line, 'jq')
      else if (line) process.stderr.write(`${line}\n`)
    }
    return {error}
  }
}

/** `jq: error (at /dev/stdin:0): msg` -> `--jq: jq: error: msg` (the position names jq's stdin, not a user). */
function jqError(line: string, flag: string): CliError {
  const message = line.replace(/^jq: error \(at [^)]*\):\s*/, 'jq: error: ')
  return new CliError(`--${flag}: ${message}`, ExitCode.FAILURE)
}

/** A compiled `--filter` program: keeps the values for which it yields a truthy result (as `select` does). */
export class JqFilter {
  private readonly program: string

  private constructor(
    private readonly jq: JqEngine,
    readonly source: string,
  ) {
    // exactly one line per input: 1 (keep), 0 (drop) or the error's message; the newline ends a `# comment`
    this.program = `try (if any((${source}\n); .) then 1 else 0 end) catch ("E" + tostring)`
  }

  static async compile(source: string): Promise<JqFilter> {
    return new JqFilter(await compile(source, 'filter'), source)
  }

  /** The values of `batch` that match; throws on a jq error (naming the value's id when it has one). */
  select<T>(batch: T[]): T[] {
    if (batch.length === 0) return []
    const r = this.jq.rawFrom(inputReader(batch), this.program, ['-c'])
    const lines = r.stdout ? r.stdout.split('\n') : []
    if (lines.length !== batch.length)
      throw new CliError(`--filter: jq gave ${lines.length} results for ${batch.length} users`, ExitCode.FAILURE, {
        hint: r.stderr.split('\n')[0] || undefined,
      })
    const kept: T[] = []
    for (let i = 0; i < batch.length; i++) {
      const line = lines[i]
      if (line === '1') kept.push(batch[i])
      else if (line !== '0') {
        const id = (batch[i] as {id?: unknown})?.id
        const message = (JSON.parse(line) as string).slice(1)
        throw new CliError(`--filter: jq: error: ${message}${typeof id === 'string' ? ` (on ${id})` : ''}`, 1)
      }
    }
    return kept
  }
}

/** How many values a filtered stream scanned and how many it kept. */
export interface FilterCounts {
  scanned: number
  matched: number
}

/** `rows` with only the values `filter` keeps, counted into `counts`. */
export async function* filterRows<T>(
  rows: AsyncIterable<T> | Iterable<T>,
  filter: JqFilter,
  counts: FilterCounts,
): AsyncGenerator<T> {
  for await (const batch of batches(rows)) {
    counts.scanned += batch.length
    const kept = filter.select(batch)
    counts.matched += kept.length
    yield* kept
  }
}

const TICK = Symbol('tick')
const tick = () => new Promise<typeof TICK>((resolve) => setImmediate(() => resolve(TICK)))

/**
 * Group a stream into batches of what has already arrived: values that come without waiting for I/O
 * (a page the pager holds) go together, up to `max`; a batch is cut when the next value has to wait.
 */
export async function* batches<T>(rows: AsyncIterable<T> | Iterable<T>, max = MAX_BATCH): AsyncGenerator<T[]> {
  const it: AsyncIterator<T> | Iterator<T> =
    Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]()
  let batch: T[] = []
  let pending = Promise.resolve(it.next())
  let finished = false
  try {
    for (;;) {
      const next = batch.length === 0 ? await pending : await Promise.race([pending, tick()])
      if (next === TICK) {
        yield batch
        batch = []
        continue
      }
      if (next.done) break
      batch.push(next.value)
      if (batch.length >= max) {
        yield batch
        batch = []
      }
      pending = Promise.resolve(it.next())
    }
    finished = true
    if (batch.length > 0) yield batch
  } finally {
    if (!finished) await it.return?.()
  }
}

/** Print `rows` through a --jq program (the hook of writer.ts): batch by batch, or all at once with --slurp. */
export async function printThroughJq(
  program: JqProgram,
  rows: AsyncIterable<unknown> | Iterable<unknown>,
  write: (text: string) => Promise<void>,
): Promise<number> {
  let n = 0
  if (program.options.slurp) {
    const all: unknown[] = []
    for await (const row of rows) all.push(row)
    n = all.length
    const r = program.run(all, true)
    if (r.text) await write(r.text)
    if (r.error) throw r.error
    return n
  }
  for await (const batch of batches(rows)) {
    n += batch.length
    const r = program.run(batch)
    if (r.text) await write(r.text)
    if (r.error) throw r.error
  }
  return n
}
