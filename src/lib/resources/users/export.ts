/**
 * `clerk users export`: every user, oldest first, as NDJSON (BAPI's own User objects) or CSV, streamed
 * page by page with cursor paging (GET /v1/users?order_by=+created_at&starting_after=<last id>), so memory
 * stays flat however many users there are and users created during the export are not skipped.
 *
 * With --out FILE the export is resumable: after each page is written, a checkpoint {bytes, rows, last_id,
 * last_created_at} is appended to FILE.journal; --resume truncates FILE to the last checkpoint (dropping a
 * page that was half written) and continues from its cursor. At the end GET /v1/users/count is compared
 * with the rows written: fewer rows than users means something was missed (warn, exit 1).
 */
import {closeSync, existsSync, fstatSync, ftruncateSync, writeSync} from 'node:fs'

import type {Client} from '../../http/client.js'
import {ApiError} from '../../http/client.js'
import {CliError, ExitCode, usageError} from '../../util/errors.js'
import {type Column, selectColumns} from '../../output/columns.js'
import {csvLine} from '../../output/csv.js'
import {out} from '../../output/writer.js'
import type {JqFilter, JqProgram, JqRun} from '../../output/jq.js'
import {type BapiUser, countUsers, userColumns} from './users.js'
import {JournalWriter, readJournal, setAsideIfFinished, setAsideNote} from '../../bulk/journal.js'
import {Progress, type ProgressMode} from '../../bulk/progress.js'
import {openPrivate} from '../../util/private-file.js'
import {plural} from '../../util/plural.js'

export const EXPORT_COLUMNS = [
  'id',
  'email',
  'first_name',
  'last_name',
  'username',
  'external_id',
  'phone',
  'banned',
  'locked',
  'created',
  'last_sign_in',
  'public_metadata',
]

export interface ExportOptions {
  /** jq: each page through `jq` (--jq; its output is what is written) */
  format: 'ndjson' | 'csv' | 'jq'
  jq?: JqProgram
  /** --filter: only the users it keeps are written (every user is still scanned and counted) */
  filter?: JqFilter
  /** a file; stdout when absent */
  out?: string
  journal?: string
  resume?: boolean
  pageSize: number
  columns?: string[]
  progress?: ProgressMode
  notify: (line: string) => void
}

export interface ExportResult {
  /** users read from BAPI (all of them, with or without --filter) */
  rows: number
  /** users written: rows, or those --filter kept (this run only) */
  written: number
  expected: number
  missing: number
  resumedFrom: number
}

interface Checkpoint {
  bytes: number
  rows: number
  last_id: string | null
  last_created_at: number | null
  done?: boolean
}

async function lastCheckpoint(path: string): Promise<{checkpoint?: Checkpoint; format?: string}> {
  let checkpoint: Checkpoint | undefined
  let done = false
  const header = await readJournal(path, (e) => {
    if (e.t === 'page') checkpoint = e as unknown as Checkpoint
    else if (e.t === 'end') done = true
  })
  if (!header || header.job !== 'users export')
    throw usageError(`${path} is not the journal of a users export`, 'use another --journal')
  return {
    checkpoint: checkpoint ? {...checkpoint, done} : {bytes: 0, rows: 0, last_id: null, last_created_at: null, done},
    format: header.format as string,
  }
}

export async function exportUsers(client: Client, o: ExportOptions): Promise<ExportResult> {
  const cols = selectColumns(userColumns('csv'), o.columns, EXPORT_COLUMNS) as Array<[string, Column<BapiUser>]>
  const render = (u: BapiUser) =>
    o.format === 'csv' ? csvLine(cols.map(([, c]) => c.get(u))) : `${JSON.stringify(u)}\n`
  let written = 0
  // the journal records the format (and the --jq and --filter programs): a resume must write the same thing
  const label = [
    o.format,
    o.jq && `--jq ${JSON.stringify(o.jq.source)}`,
    o.filter && `--filter ${JSON.stringify(o.filter.source)}`,
  ]
    .filter(Boolean)
    .join(' ')
  let cp: Checkpoint = {bytes: 0, rows: 0, last_id: null, last_created_at: null}
  let fd: number | undefined
  let journal: JournalWriter | undefined
  if (o.out) {
    const journalPath = o.journal ?? `${o.out}.journal`
    if (existsSync(journalPath) && !o.resume) {
      // an export that finished does not block the next one: its journal is set aside, FILE is rewritten
      const moved = await setAsideIfFinished(journalPath)
      if (moved) o.notify(setAsideNote(journalPath, moved))
    }
    if (existsSync(journalPath)) {
      if (!o.resume)
        throw usageError(
          `journal ${journalPath} is from an earlier export that did not finish`,
          'add --resume to continue it, or delete it to start over',
        )
      const last = await lastCheckpoint(journalPath)
      if (last.format !== label)
        throw usageError(
          `the earlier export wrote ${last.format}, not ${label}`,
          /^(ndjson|csv)$/.test(last.format ?? '') ? `resume with -o ${last.format}` : 'resume with the same flags',
        )
      cp = last.checkpoint!
      if (!existsSync(o.out))
        throw usageError(`${o.out} is gone; cannot resume its export`, `delete ${journalPath} to start over`)
      fd = openPrivate(o.out, 'update', 'export')
      if (fstatSync(fd).size < cp.bytes)
        throw usageError(
          `${o.out} is shorter than the journal says; cannot resume`,
          `delete ${journalPath} to start over`,
        )
      ftruncateSync(fd, cp.bytes)
      journal = JournalWriter.open(journalPath, undefined)
      if (cp.rows) o.notify(`resuming after ${plural(cp.rows, 'user')} (${cp.bytes} bytes kept)`)
    } else {
      fd = openPrivate(o.out, 'truncate', 'export')
      journal = JournalWriter.open(journalPath, {
        t: 'header',
        v: 1,
        job: 'users export',
        input: o.out,
        sha256: '',
        created_at: new Date().toISOString(),
        format: label,
      })
    }
  } else if (o.resume) {
    throw usageError('--resume needs --out FILE (stdout cannot be resumed)')
  }
  const resumedFrom = cp.rows
  let bytes = cp.bytes
  let rows = cp.rows
  const write = async (text: string) => {
    if (fd === undefined) await out(text)
    else writeSync(fd, text, bytes)
    bytes += Buffer.byteLength(text)
  }
  try {
    o.jq?.startThread() // jq's thread loads while the count and the first page are asked for
    const total = await countUsers(client, {})
    if (cp.done) o.notify('the export was already complete')
    else {
      if (o.format === 'csv' && bytes === 0) await write(csvLine(cols.map(([name]) => name)))
      const progress = new Progress({label: 'users export', total: Math.max(0, total - rows), mode: o.progress})
      let cursor = cp.last_id
      let after = cp.last_created_at
      // Clerk does not document what an unknown `starting_after` answers (the cursor user was deleted during
      // the export): an empty page or an error. Either way, when the cursor user is gone, go on from its
      // creation time instead (ties at that millisecond are caught by the count check at the end).
      const afterTime = () => {
        o.notify(`the cursor user ${cursor} is gone; continuing after its creation time`)
        cursor = null
        return client.request<BapiUser[]>('GET', '/users', {
          query: {order_by: '+created_at', limit: o.pageSize, created_at_after: after},
        })
      }
      const cursorGone = async (): Promise<boolean> => {
        if (!cursor || after === null) return false
        try {
          await client.request('GET', `/users/${encodeURIComponent(cursor)}`)
          return false
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return true
          throw error
        }
      }
      const page = async (): Promise<BapiUser[]> => {
        const query = {order_by: '+created_at', limit: o.pageSize, starting_after: cursor ?? undefined}
        let users: BapiUser[]
        try {
          users = await client.request<BapiUser[]>('GET', '/users', {query})
        } catch (error) {
          const refused = error instanceof ApiError && (error.status === 400 || error.status === 422)
          if (refused && (await cursorGone())) return afterTime()
          throw error
        }
        if (users.length === 0 && (await cursorGone())) return afterTime()
        return users
      }
      // Page N+1 is asked for as soon as page N has arrived (its last user is the cursor), so the server
      // answers it while page N is rendered and written: one request in flight at most, as before. With
      // --jq, each page is handed to jq (on its own thread) on arrival, and printed in turn.
      // A page as fetched: how many users, the last one (the cursor), how many --filter kept, and either
      // the kept users or, handed to jq's thread on arrival, the promise of jq's output (the users are not
      // kept here then: the page's objects die young).
      interface Fetched {
        count: number
        last?: BapiUser
        kept: number
        users?: BapiUser[]
        jq?: Promise<() => JqRun>
      }
      const fetchPage = (): Promise<Fetched> => {
        const p = page().then((users): Fetched => {
          const kept = o.filter ? o.filter.select(users) : users
          const f = {count: users.length, last: users.at(-1), kept: kept.length}
          if (!o.jq) return {...f, users: kept}
          const jq = o.jq.runOnThread(kept)
          jq.catch(() => {})
          return {...f, jq}
        })
        p.catch(() => {}) // awaited below; a page still in flight when the export stops is no unhandled rejection
        return p
      }
      try {
        let next = fetchPage()
        for (;;) {
          const f = await next
          if (f.count === 0) break
          const last = f.last!
          cursor = last.id
          after = last.created_at
          const more = f.count >= o.pageSize
          if (more) next = fetchPage()
          written += f.kept
          if (o.jq) {
            const r = f.jq ? (await f.jq)() : o.jq.run(f.users!)
            if (r.text) await write(r.text)
            if (r.error) throw r.error
          } else {
            // written in ~64 KB pieces, so no page-sized string is ever built
            let text = ''
            for (const u of f.users!) {
              text += render(u)
              if (text.length >= 65_536) {
                await write(text)
                text = ''
              }
            }
            if (text) await write(text)
          }
          rows += f.count
          // only now, with the page's output written: a resume starts after this page
          journal?.append({t: 'page', bytes, rows, last_id: last.id, last_created_at: last.created_at})
          progress.tick(f.count)
          if (!more) break
        }
      } finally {
        progress.stop()
      }
      journal?.append({t: 'end', at: new Date().toISOString(), rows})
    }
    const expected = await countUsers(client, {})
    const missing = Math.max(0, expected - rows)
    return {rows, written, expected, missing, resumedFrom}
  } finally {
    journal?.close()
    if (fd !== undefined) closeSync(fd)
  }
}

/** Summary on stderr and the exit code: 1 when the export has fewer rows than the instance has users. */
export function exportExit(r: ExportResult, notify: (line: string) => void, where: string, filter = false): void {
  const filtered = filter ? ` (--filter kept ${r.written} of the ${r.rows - r.resumedFrom} scanned)` : ''
  notify(
    `users export: ${plural(filter ? r.written : r.rows, 'user')} written to ${where}${filtered}${r.resumedFrom ? ` (${r.resumedFrom} by earlier runs)` : ''}; the instance has ${r.expected}`,
  )
  if (r.missing > 0) {
    throw new CliError(
      `the export is incomplete: ${r.missing} of ${plural(r.expected, 'user')} are missing`,
      ExitCode.FAILURE,
      {
        hint: 'users were deleted and re-created, or changed during the export; run it again',
      },
    )
  }
}
