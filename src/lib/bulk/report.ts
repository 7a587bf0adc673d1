/**
 * `--report PATH`: one NDJSON line per row, `{row, key, status: ok|skipped|failed, id, code, message}`.
 * On resume the rows finished by earlier runs are written first (from the journal), so the report
 * always covers the whole input.
 */
import {closeSync, writeSync} from 'node:fs'

import {openPrivate} from '../util/private-file.js'
import type {DoneEntry} from './journal.js'

export interface ReportLine {
  row: number
  key: string
  status: DoneEntry['status']
  id: string | null
  code: string | null
  message: string | null
}

export const reportLine = (d: Omit<DoneEntry, 't'>): ReportLine => ({
  row: d.row,
  key: d.key,
  status: d.status,
  id: d.id ?? null,
  code: d.code ?? null,
  message: d.message ?? null,
})

export class ReportWriter {
  private fd: number
  private buffer: string[] = []

  constructor(readonly path: string) {
    this.fd = openPrivate(path, 'truncate', 'report')
  }

  write(d: Omit<DoneEntry, 't'>): void {
    this.buffer.push(`${JSON.stringify(reportLine(d))}\n`)
    if (this.buffer.length >= 200) this.flush()
  }

  flush(): void {
    if (this.buffer.length === 0) return
    writeSync(this.fd, this.buffer.join(''))
    this.buffer = []
  }

  close(): void {
    this.flush()
    closeSync(this.fd)
  }
}
