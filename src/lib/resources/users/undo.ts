/**
 * `clerk users import --undo JOURNAL`: delete exactly the users an import created: the rows its journal
 * records as created (never rows it skipped because the user was there, updated, or failed), refusing
 * users who have signed in since the import began unless `--include-signed-in`.
 *
 * It is a bulk job of its own: the created users are listed from the journal into `<journal>.undo.jsonl`
 * (0600; the same journal always gives the same list, so the undo's own journal, `<journal>.undo.jsonl.journal`,
 * resumes like any other). Its readiness check looks the users up, 100 per request (who is still there,
 * who signed in since the import began); then each user still there is deleted (DELETE). A user already
 * gone counts as done.
 */
import {writeFileSync} from 'node:fs'

import type {Client} from '../../http/client.js'
import {ApiError} from '../../http/client.js'
import {loadJournalState} from '../../bulk/journal.js'
import {type BulkJob, type Outcome, outcomeFromError} from '../../bulk/runner.js'
import {usageError} from '../../util/errors.js'
import type {BapiUser} from './users.js'

export interface UndoRow {
  id: string
  source_id?: string
}

/** The users a journal's runs created, written as the undo's input; returns its path and the import's start. */
export async function undoInput(journal: string): Promise<{path: string; since: number; created: number}> {
  const state = await loadJournalState(journal)
  if (!state.header) throw usageError(`${journal} is not a clerk journal (no header line)`)
  if (state.header.job !== 'users import')
    throw usageError(`${journal} is the journal of \`${state.header.job}\`, not of \`users import\``)
  const rows = [...state.done.values()]
    .filter((d) => d.status === 'ok' && d.id && String(d.message ?? '').startsWith('created'))
    .sort((a, b) => a.row - b.row)
  const path = `${journal}.undo.jsonl`
  writeFileSync(path, rows.map((d) => `${JSON.stringify({id: d.id, source_id: d.ref ?? d.key})}\n`).join(''), {
    mode: 0o600,
  })
  return {path, since: Date.parse(state.header.created_at), created: rows.length}
}

const gone = (e: unknown) => e instanceof ApiError && e.status === 404

export function undoJob(
  client: Client | undefined,
  options: {journal: string; since: number; includeSignedIn: boolean},
): BulkJob<UndoRow> {
  const when = new Date(options.since).toISOString()
  /** from the readiness check: each user's last sign-in (null: never), absent when already deleted */
  const seen = new Map<string, number | null>()
  let checked = false
  const signedInSince = (id: string) => (seen.get(id) ?? 0) > options.since
  return {
    name: 'users import undo',
    action: 'delete the users the import created',
    prepare(record) {
      const id = typeof record.id === 'string' ? record.id : ''
      if (!/^user_\w+$/.test(id)) return {error: 'not a user id'}
      return {key: id, value: {id, source_id: typeof record.source_id === 'string' ? record.source_id : undefined}}
    },
    ref: (item) => item.value.source_id,
    planNotes: [
      `undo of ${options.journal}: only users that import created (rows it skipped, updated or failed are left alone)`,
    ],
    // The users, 100 per request: who is still there, who signed in since the import began.
    async preflight(rows) {
      const ids: string[] = []
      for await (const item of rows) ids.push(item.value.id)
      if (!client) return {lines: [`Readiness: ${ids.length} users to delete (not looked up: no secret key)`]}
      for (let i = 0; i < ids.length; i += 100) {
        const users = await client.request<BapiUser[]>('GET', '/users', {
          query: {user_id: ids.slice(i, i + 100), limit: 100},
        })
        for (const u of users) seen.set(u.id, u.last_sign_in_at ?? null)
      }
      checked = true
      const gone = ids.filter((id) => !seen.has(id)).length
      const signed = ids.filter(signedInSince).length
      return {
        lines: [
          `Readiness (undo, ${ids.length} users the import created):`,
          `  still there:      ${ids.length - gone} (${gone} already deleted)`,
          `  signed in since:  ${signed} (after ${when}): ${options.includeSignedIn ? 'deleted too (--include-signed-in)' : 'refused, reported failed with code signed_in_since; --include-signed-in deletes them'}`,
        ],
      }
    },
    async execute([item]): Promise<Outcome[]> {
      const id = item.value.id
      if (checked && !seen.has(id)) return [{status: 'ok', id, message: 'already deleted'}]
      if (!options.includeSignedIn && signedInSince(id))
        return [
          {
            status: 'failed',
            id,
            code: 'signed_in_since',
            message: `signed in at ${new Date(seen.get(id)!).toISOString()}, after the import; not deleted (--include-signed-in)`,
          },
        ]
      try {
        await client!.request('DELETE', `/users/${id}`)
        return [{status: 'ok', id, message: 'deleted'}]
      } catch (error) {
        if (gone(error)) return [{status: 'ok', id, message: 'already deleted'}]
        return [outcomeFromError(error)]
      }
    },
    // a DELETE whose answer was lost: done if the user is gone
    async reconcile(item) {
      try {
        await client!.request('GET', `/users/${item.value.id}`)
        return undefined
      } catch (error) {
        if (gone(error)) return {status: 'ok', id: item.value.id, message: 'deleted'}
        throw error
      }
    },
  }
}
