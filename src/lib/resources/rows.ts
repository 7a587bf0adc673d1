/** Rows of the smaller BAPI resources (identifiers, templates, redirect URLs, tokens, waitlist): their columns, a DeletedObject printed. */
import type {Row} from '../http/client.js'
import {type Columns, formatTime, isoTime} from '../output/columns.js'

/** Columns from [name, HEADER, field] triples; fields ending in `_at` are shown as times (ISO in CSV). */
export function simpleColumns(format: string, spec: Array<[string, string, string?]>): Columns<Row> {
  const time = format === 'csv' ? isoTime : formatTime
  return Object.fromEntries(
    spec.map(([name, header, field = name]) => [
      name,
      {header, get: (r: Row) => (field.endsWith('_at') ? time(r[field]) : r[field])},
    ]),
  )
}

/** Print BAPI's DeletedObject: JSON for scripts, `Deleted <id>` for people. */
export async function printDeleted(result: Row, format: string): Promise<void> {
  const {out, printJson} = await import('../output/writer.js')
  if (format === 'json' || format === 'ndjson') return printJson(result, format)
  if (format === 'csv') return out(`id,object,deleted\n${result.id ?? ''},${result.object ?? ''},${result.deleted}\n`)
  process.stderr.write(`Deleted ${result.object ?? ''} ${result.id ?? ''}\n`)
}
