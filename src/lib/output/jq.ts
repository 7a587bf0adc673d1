/**
 * `--jq EXPR` and `--filter EXPR`: programs run by real jq (1.8, compiled to WebAssembly by the `jq-wasm`
 * package), loaded only by commands given one of these flags (`await import('./jq.js')`).
 *
 * jq compiles its program on every run (a few ms), so values are handed to it in batches: whatever part
 * of a stream has already arrived (a page, at most MAX_BATCH values) goes in one run, and a batch is cut
 * as soon as the stream has to wait for the network. Output is one result per line, compact JSON
 * (`jq -c`), strings raw with `-r`.
 */
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'

import type {Jq} from 'jq-wasm'

import {CliError, ExitCode, usageError} from '../util/errors.js'
import {reapplyV8Flags} from '../util/v8-flags.js'

/** The most values one jq run takes (bounds memory; a page of 500 users is ~1 MB of JSON). */
export const MAX_BATCH = 1000

let engine: Promise<JqEngine> | undefined

function loadEngine(): Promise<JqEngine> {
  engine ??= import('jq-wasm').then(async (m) => withRawFrom(await m.loadJq()))
  return engine
}

/** The package unbundled (bin/dev.js runs src/ against node_modules) has no rawFrom: read all, then raw(). */
function withRawFrom(jq: Jq): JqEngine {
  if ('rawFrom' in jq) return jq as JqEngine
  return Object.assign(jq, {
    rawFrom(read: (into: Uint8Array) => number, query: string, flags?: string[]) {
      const chunks: Uint8Array[] = []
      for (let n = read((chunks[chunks.length] = new Uint8Array(65_536))); n > 0;) {
        chunks[chunks.length - 1] = chunks.at(-1)!.subarray(0, n)
        n = read((chunks[chunks.length] = new Uint8Array(65_536)))
      }
      chunks.pop()
      return jq.raw(Buffer.concat(chunks).toString('utf8'), query, flags)
    },
  })
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

/** What one jq run printed. */
interface RawResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** `values` as JSON texts, one per line, encoded into `into` (or a larger array when they do not fit). */
function encodeLines(values: unknown[], into: Uint8Array): {bytes: Uint8Array; length: number} {
  let bytes = into
  let length = 0
  for (let i = 0; i < values.length; i++) {
    let text = (i > 0 ? '\n' : '') + (JSON.stringify(values[i]) ?? 'null')
    for (;;) {
      const {read, written} = encoder.encodeInto(text, bytes.subarray(length))
      length += written
      if (read === text.length) break
      text = text.slice(read)
      const grown = new Uint8Array(Math.max(bytes.length * 2, length + text.length * 3))
      grown.set(bytes.subarray(0, length))
      bytes = grown
    }
  }
  return {bytes, length}
}

/**
 * jq in a worker thread: this module, started with `workerData.clerkJq`, runs each message's program over
 * its bytes, in order. A page's bytes go in a buffer that is handed to the worker and back (two of them,
 * reused), so neither thread builds a page-sized string. The worker keeps the process alive only while a
 * run is pending; when it cannot start or dies, run() answers undefined (the caller runs jq itself).
 */
class JqThread {
  private readonly pending: Array<(r: RawResult[] | undefined) => void> = []
  private readonly spare: Uint8Array[] = []
  private dead = false

  private constructor(private readonly worker: Worker) {
    worker.unref()
    worker.once('online', reapplyV8Flags)
    worker.on('message', (m: {runs: RawResult[]; buffer: ArrayBuffer}) => {
      this.spare.push(new Uint8Array(m.buffer))
      this.pending.shift()?.(m.runs)
      if (this.pending.length === 0) worker.unref()
    })
    const fail = () => {
      this.dead = true
      for (const resolve of this.pending.splice(0)) resolve(undefined)
    }
    worker.on('error', fail)
    worker.on('exit', fail)
  }

  static start(): JqThread | null {
    try {
      const worker = new Worker(new URL(import.meta.url), {
        workerData: {clerkJq: 1},
        // it allocates little besides jq's own memory: a small young generation keeps its heap small
        resourceLimits: {maxYoungGenerationSizeMb: 2},
      })
      return new JqThread(worker)
    } catch {
      return null
    }
  }

  run(values: unknown[], source: string, flags: string[]): Promise<RawResult[] | undefined> {
    if (this.dead) return Promise.resolve(undefined)
    const {bytes, length} = encodeLines(values, this.spare.pop() ?? new Uint8Array(1 << 20))
    return new Promise((resolve) => {
      this.pending.push(resolve)
      this.worker.ref()
      const buffer = bytes.buffer as ArrayBuffer
      this.worker.postMessage({buffer, length, source, flags}, [buffer])
    })
  }
}

if (!isMainThread && (workerData as {clerkJq?: number} | null)?.clerkJq === 1) {
  const port = parentPort!
  const ready = loadEngine()
  port.on('message', (m: {buffer: ArrayBuffer; length: number; source: string; flags: string[]}) => {
    void ready.then((jq) => {
      const all = new Uint8Array(m.buffer, 0, m.length)
      const run = (bytes: Uint8Array): RawResult => {
        let at = 0
        const read = (into: Uint8Array) => {
          const n = Math.min(into.length, bytes.length - at)
          into.set(bytes.subarray(at, at + n))
          at += n
          return n
        }
        const {stdout, stderr, exitCode} = jq.rawFrom(read, m.source, m.flags)
        return {stdout, stderr, exitCode}
      }
      const runs = [run(all)]
      const failed = (r: RawResult) => r.stderr.split('\n').some(isError)
      // an error: each value again (one a line: JSON texts hold no raw newline), up to the failing one
      if (failed(runs[0]) && all.includes(10)) {
        for (let start = 0; start < all.length;) {
          let end = all.indexOf(10, start)
          if (end < 0) end = all.length
          const r = run(all.subarray(start, end))
          runs.push(r)
          if (failed(r)) break
          start = end + 1
        }
      }
      port.postMessage({runs, buffer: m.buffer}, [m.buffer])
    })
  })
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
    return this.finish(this.jq.rawFrom(inputReader(values), this.source, flags), values, slurp)
  }

  /**
   * run() on jq's own thread (a worker, started on the first call), for a long stream (users export): the
   * caller's thread fetches and parses the next page while jq parses this one, which is most of the work.
   * Answers a function giving the result, called when the caller is ready to print it (jq's `debug` lines
   * go to stderr then, in order). Without a worker (it could not start), jq runs on this thread.
   */
  async runOnThread(values: unknown[]): Promise<() => JqRun> {
    if (values.length === 0) return () => ({text: ''})
    const thread = this.startThread()
    const runs = await thread?.run(values, this.source, ['-c'])
    if (!runs) return () => this.run(values)
    // `values` are not kept: on an error, the worker has run them again one by one already
    return () => this.finishRuns(runs)
  }

  private thread?: JqThread | null

  /** Start jq's thread (runOnThread) ahead of the first run: it takes a few tens of ms to load jq. */
  startThread(): JqThread | null {
    return (this.thread ??= JqThread.start())
  }

  /**
   * What one jq run printed, rendered. A jq error stops the output where jq stopped: the batch is run again
   * value by value to print exactly the results before the failing one.
   */
  private finish(r: RawResult, values: unknown[], slurp: boolean): JqRun {
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

  /** finish() for the worker's runs: the whole batch, then (after an error) each value until the failing one. */
  private finishRuns([whole, ...each]: RawResult[]): JqRun {
    const problems = this.stderr(whole.stderr)
    if (!problems.error) return {text: this.render(whole.stdout)}
    if (each.length === 0) return {text: this.render(whole.stdout), error: problems.error}
    let text = ''
    for (const r of each) {
      const one = this.stderr(r.stderr)
      text += this.render(r.stdout)
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
