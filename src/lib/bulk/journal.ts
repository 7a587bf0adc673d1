/**
 * The journal: an append-only NDJSON file that records a bulk job as it happens, so a run killed at any
 * moment (Ctrl-C, kill -9, a CI timeout) can be resumed with nothing lost and nothing sent twice.
 *
 *   {"t":"header","v":1,"job":"users import","input":"users.csv","sha256":"…","created_at":"…"}
 *   {"t":"run","at":"…","pid":123}                 one per run (first and each resume)
 *   {"t":"intent","rows":[7,8]}                    written (and on its way to disk) BEFORE the request is sent
 *   {"t":"done","row":7,"key":"a@b.c","status":"ok","id":"user_…"}
 *   {"t":"done","row":8,"key":"…","status":"failed","code":"…","message":"…","retryable":true}
 *   {"t":"end","at":"…","interrupted":false}
 *
 * Each line is one write(2), so a killed process leaves at most a torn last line (ignored on read) and
 * everything before it in the kernel's page cache; fsync runs in batches (every 250 lines or 1 s, and at
 * the end) against power loss. A row whose intent has no outcome was maybe sent: on resume the job
 * reconciles it with the server (looks it up by its key) before sending it again.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  createReadStream,
} from 'node:fs'
import {createInterface} from 'node:readline'

import {CliError, ExitCode, usageError} from '../util/errors.js'
import {openPrivate} from '../util/private-file.js'

export interface JournalHeader {
  t: 'header'
  v: 1
  job: string
  input: string
  sha256: string
  created_at: string
  [extra: string]: unknown
}

export type RowStatus = 'ok' | 'skipped' | 'failed'

export interface DoneEntry {
  t: 'done'
  row: number
  key: string
  status: RowStatus
  id?: string
  code?: string
  message?: string
  retryable?: boolean
  ref?: string
}

export class JournalWriter {
  private fd: number
  private unsynced = 0
  private timer?: NodeJS.Timeout
  private closed = false

  private constructor(
    readonly path: string,
    private readonly lock: string,
    private readonly syncEvery: number,
  ) {
    this.fd = openPrivate(path, 'append', 'journal')
    this.timer = setInterval(() => this.flush(), 1000)
    this.timer.unref()
  }

  /** Open for appending (creating it with `header` when absent); takes a lock file so two runs cannot share it. */
  static open(path: string, header: JournalHeader | undefined, options: {syncEvery?: number} = {}): JournalWriter {
    const lock = takeLock(path)
    const w = new JournalWriter(path, lock, options.syncEvery ?? 250)
    if (header) w.append(header)
    w.append({t: 'run', at: new Date().toISOString(), pid: process.pid})
    w.flush()
    return w
  }

  /** One line, one write(2): survives the death of this process as soon as it returns. */
  append(entry: object): void {
    if (this.closed) return
    writeSync(this.fd, `${JSON.stringify(entry)}\n`)
    if (++this.unsynced >= this.syncEvery) this.flush()
  }

  flush(): void {
    if (this.closed || this.unsynced === 0) return
    fsyncSync(this.fd)
    this.unsynced = 0
  }

  close(): void {
    if (this.closed) return
    this.flush()
    this.closed = true
    clearInterval(this.timer)
    closeSync(this.fd)
    try {
      unlinkSync(this.lock)
    } catch {}
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** `<journal>.lock` holds the pid of the run using the journal; a lock left by a dead process is taken over. */
function takeLock(journal: string): string {
  const lock = `${journal}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), {flag: 'wx', mode: 0o600})
      return lock
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw usageError(`cannot write ${lock}: ${(error as Error).message}`)
      const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10)
      if (pid && pid !== process.pid && pidAlive(pid)) {
        throw new CliError(`journal ${journal} is in use by process ${pid}`, ExitCode.USAGE, {
          hint: 'wait for that run to finish, or use another --journal',
        })
      }
      unlinkSync(lock)
    }
  }
  throw new CliError(`cannot lock ${journal}`, ExitCode.FAILURE)
}

/**
 * Read a journal line by line (constant memory apart from what `onEntry` keeps). A torn last line from a
 * killed run is ignored. Returns the header (undefined when the file is empty).
 */
export async function readJournal(
  path: string,
  onEntry: (entry: {t: string; [k: string]: unknown}) => void,
): Promise<JournalHeader | undefined> {
  if (!existsSync(path)) return undefined
  let header: JournalHeader | undefined
  const lines = createInterface({input: createReadStream(path, {encoding: 'utf8'}), crlfDelay: Infinity})
  for await (const line of lines) {
    if (!line.trim()) continue
    let entry: {t: string; [k: string]: unknown}
    try {
      entry = JSON.parse(line)
    } catch {
      continue
    }
    if (entry.t === 'header') header ??= entry as unknown as JournalHeader
    else onEntry(entry)
  }
  return header
}

/** What a previous run left: each row's last outcome, and rows that were sent (intent) with no outcome. */
export interface JournalState {
  header?: JournalHeader
  done: Map<number, DoneEntry>
  pending: Set<number>
}

export async function loadJournalState(path: string): Promise<JournalState> {
  const done = new Map<number, DoneEntry>()
  const pending = new Set<number>()
  const header = await readJournal(path, (e) => {
    if (e.t === 'intent') for (const r of e.rows as number[]) pending.add(r)
    else if (e.t === 'done') {
      const d = e as unknown as DoneEntry
      done.set(d.row, d)
      pending.delete(d.row)
    }
  })
  return {header, done, pending}
}

/** Check that a journal belongs to this job and input before resuming it. */
export function checkJournalHeader(path: string, header: JournalHeader | undefined, job: string, sha256: string): void {
  if (!header) throw usageError(`${path} is not a clerk journal (no header line)`, 'use another --journal or delete it')
  if (header.job !== job)
    throw usageError(`${path} is the journal of \`${header.job}\`, not \`${job}\``, 'use another --journal')
  if (header.sha256 !== sha256) {
    throw usageError(
      `the input changed since ${path} was written (sha256 ${header.sha256.slice(0, 12)}… vs ${sha256.slice(0, 12)}…); refusing to resume`,
      'resume with the original input, or start over with a new --journal (rows already done would be sent again)',
    )
  }
}

/**
 * A journal whose last run finished (its last entry is an `end` that was not interrupted) does not block a
 * new run: it is renamed aside (`<journal>.<when it ended>`, kept for the record) and the new run starts
 * fresh. Returns the new name, or undefined when the journal is of an unfinished run (then --resume it).
 */
export async function setAsideIfFinished(path: string): Promise<{aside: string; endedAt: string} | undefined> {
  let last: {t: string; [k: string]: unknown} | undefined
  const header = await readJournal(path, (e) => (last = e))
  const end = last as {t: string; at?: string; interrupted?: boolean} | undefined
  if (!header || end?.t !== 'end' || end.interrupted) return undefined
  if (existsSync(`${path}.lock`)) {
    const pid = Number.parseInt(readFileSync(`${path}.lock`, 'utf8'), 10)
    if (pid && pid !== process.pid && pidAlive(pid)) return undefined
  }
  const endedAt = String(end.at ?? new Date().toISOString())
  let aside = `${path}.${endedAt.replaceAll(/[:.]/g, '-')}`
  for (let n = 2; existsSync(aside); n++) aside = `${path}.${endedAt.replaceAll(/[:.]/g, '-')}-${n}`
  renameSync(path, aside)
  return {aside, endedAt}
}

/** The line a new run prints when it set a finished journal aside. */
export const setAsideNote = (path: string, moved: {aside: string; endedAt: string}) =>
  `${path} is the journal of a run that finished at ${moved.endedAt}: starting a new run (the old journal is kept as ${moved.aside})`
