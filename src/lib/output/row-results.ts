/**
 * Per-row results of a bulk run on stdout, in the chosen `-o` format: ndjson (a line per row, as it
 * happens), json (one array), csv (a header, then a line per row), or a table for people at the end
 * (every row for small runs; for large ones the rows that were not ok, since `--report` has them all).
 */
import type {OutputFormat} from '../config/resolve.js'
import {csvLine} from './csv.js'
import {renderTable} from './table.js'

export interface RowResult {
  row: number
  key: string
  status: 'ok' | 'skipped' | 'failed'
  id: string | null
  code: string | null
  message: string | null
}

export interface RowResultSink {
  write(r: RowResult): void
  close(): Promise<void>
}

const FIELDS = ['row', 'key', 'status', 'id', 'code', 'message'] as const
/** a table puts what people read first: the message before the ids (columns that do not fit are dropped) */
const TABLE_FIELDS = ['row', 'status', 'key', 'message', 'id', 'code'] as const
/** a table holds every row up to this many; beyond it, only the rows that were not ok */
export const TABLE_ALL_ROWS = 200

export function rowResultSink(
  format: OutputFormat,
  notify: (line: string) => void,
  stream: NodeJS.WritableStream = process.stdout,
): RowResultSink {
  let n = 0
  const kept: RowResult[] = []
  let okHidden = 0
  return {
    write(r) {
      if (format === 'ndjson') stream.write(`${JSON.stringify(r)}\n`)
      else if (format === 'json') stream.write(`${n === 0 ? '[\n' : ',\n'}  ${JSON.stringify(r)}`)
      else if (format === 'csv') stream.write((n === 0 ? csvLine([...FIELDS]) : '') + csvLine(FIELDS.map((f) => r[f])))
      else if (kept.length < TABLE_ALL_ROWS || r.status !== 'ok') kept.push(r)
      else okHidden++
      n++
    },
    async close() {
      if (format === 'json') stream.write(n === 0 ? '[]\n' : '\n]\n')
      if (format === 'csv' && n === 0) stream.write(csvLine([...FIELDS]))
      if (format !== 'table' || n === 0) return
      const rows = okHidden > 0 ? kept.filter((r) => r.status !== 'ok') : kept
      if (okHidden > 0) notify(`${n - rows.length} ok rows not shown (-o ndjson or --report PATH lists every row)`)
      if (rows.length === 0) return
      const table = await renderTable(
        TABLE_FIELDS.map((f) => f.toUpperCase()),
        rows.map((r) => TABLE_FIELDS.map((f) => r[f] ?? '')),
      )
      stream.write(`${table}\n`)
    },
  }
}
