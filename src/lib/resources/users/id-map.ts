/**
 * `--id-map FILE`: `source_id,clerk_id,status` (CSV with a header), one line per row as it finishes, so a
 * database's foreign keys can be rewritten from the old ids to Clerk's. Status: created, exists (there
 * before; skipped), updated, failed, invalid. Written 0600 (it names every user); a resumed run writes it
 * again from the journal first, so the file always covers every row finished so far, each once.
 */
import {closeSync, openSync, writeSync} from 'node:fs'

import {usageError} from '../../util/errors.js'
import type {RowRecord} from '../../bulk/runner.js'

const cell = (s: string) => (/[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)

export function idMapStatus(r: RowRecord): string {
  if (r.status === 'ok') return r.message === 'updated' ? 'updated' : 'created'
  if (r.status === 'skipped') return 'exists'
  return r.code === 'invalid_row' ? 'invalid' : 'failed'
}

/** Opened (truncated) at the first finished row, so a dry run or a refused plan leaves an earlier map alone. */
export class IdMapWriter {
  private fd?: number

  constructor(readonly path: string) {}

  write(r: RowRecord): void {
    if (this.fd === undefined) {
      try {
        this.fd = openSync(this.path, 'w', 0o600)
      } catch (error) {
        throw usageError(
          `cannot write ${this.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        )
      }
      writeSync(this.fd, 'source_id,clerk_id,status\n')
    }
    writeSync(this.fd, `${cell(r.ref ?? r.key)},${cell(r.id ?? '')},${idMapStatus(r)}\n`)
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}
