import {once} from 'node:events'

import type {OutputFormat} from '../config/resolve.js'
import {type Column, type Columns, selectColumns} from './columns.js'
import {csvLine} from './csv.js'
import {renderRecord, renderTable} from './table.js'
import {redactKeys} from '../util/redact.js'

/** Write to stdout respecting back-pressure, so streaming 100k rows keeps memory flat. */
export async function out(text: string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  // a secret key never reaches stdout either, even echoed back as data (e.g. given as an --email); machine
  // secrets do, where a command prints the one it created (src/lib/util/redact.ts)
  if (!stream.write(redactKeys(text))) await once(stream, 'drain')
}

/**
 * --jq (src/lib/output/jq.ts): set by the command before anything is printed; printList, printOne and
 * printJson then hand their data, BAPI's own JSON, to it instead of a format.
 */
export interface DataSink {
  print(rows: AsyncIterable<unknown> | Iterable<unknown>): Promise<number>
}
let sink: DataSink | undefined
export function setDataSink(s: DataSink | undefined): void {
  sink = s
}

export interface ListOutput<T> {
  format: OutputFormat
  columns: Columns<T>
  defaults: string[]
  /** --columns: for table and csv */
  select?: string[]
}

/**
 * Print a stream of BAPI objects: json (one array), ndjson (a line each), csv (header + rows) are streamed
 * with constant memory; a table needs its widths, so it is collected first. Returns the number of rows.
 */
export async function printList<T>(rows: AsyncIterable<T> | Iterable<T>, opts: ListOutput<T>): Promise<number> {
  if (sink) return sink.print(rows)
  const cols = selectColumns(opts.columns, opts.select, opts.defaults)
  let n = 0
  if (opts.format === 'table') {
    const cells: unknown[][] = []
    for await (const row of rows) cells.push(cols.map(([, c]) => c.get(row)))
    n = cells.length
    if (n > 0)
      await out(
        `${await renderTable(
          cols.map(([, c]) => c.header),
          cells,
        )}\n`,
      )
    else process.stderr.write('No results.\n')
    return n
  }
  if (opts.format === 'csv') await out(csvLine(cols.map(([name]) => name)))
  if (opts.format === 'json') await out('[')
  for await (const row of rows) {
    if (opts.format === 'ndjson') await out(`${JSON.stringify(row)}\n`)
    else if (opts.format === 'csv') await out(csvLine(cols.map(([, c]: [string, Column<T>]) => c.get(row))))
    else await out(`${n === 0 ? '\n' : ',\n'}${indent(JSON.stringify(row, null, 2))}`)
    n++
  }
  if (opts.format === 'json') await out(n === 0 ? ']\n' : '\n]\n')
  return n
}

/** Print one object: JSON for scripts, a key/value table for people, one CSV row with a header. */
export async function printOne<T>(row: T, opts: ListOutput<T>): Promise<void> {
  if (sink) return void (await sink.print([row]))
  if (opts.format === 'json') return out(`${JSON.stringify(row, null, 2)}\n`)
  if (opts.format === 'ndjson') return out(`${JSON.stringify(row)}\n`)
  const cols = selectColumns(opts.columns, opts.select, opts.defaults)
  if (opts.format === 'csv') return out(csvLine(cols.map(([n]) => n)) + csvLine(cols.map(([, c]) => c.get(row))))
  await out(`${await renderRecord(cols.map(([, c]) => [c.header, c.get(row)]))}\n`)
}

/** Print a JSON value that has no columns (a raw API answer, a decoded token): pretty, or a line for ndjson. */
export async function printJson(value: unknown, format: OutputFormat): Promise<void> {
  if (sink) return void (await sink.print([value]))
  await out(`${format === 'ndjson' ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`)
}

function indent(text: string): string {
  return text.replaceAll(/^/gm, '  ')
}
