import {once} from 'node:events'

import type {OutputFormat} from '../config/resolve.js'
import {type Column, type Columns, checkFieldNames, pickFields, selectColumns} from './columns.js'
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
  /** --columns: columns for table and csv; fields (dotted paths allowed) or columns for json and ndjson */
  select?: string[]
  /** one page was asked for (no --all): when it comes back full, say on stderr how to get the rest */
  page?: {limit: number; offset: number}
}

/** `more available: --offset 20 or --all` on stderr when a page came back full. */
export function moreHint(n: number, page: {limit: number; offset: number} | undefined): void {
  if (page && n >= page.limit && n > 0) process.stderr.write(`more available: --offset ${page.offset + n} or --all\n`)
}

/** The rows as they will be printed as JSON: whole, or only the --columns fields. */
function jsonRows<T>(rows: AsyncIterable<T> | Iterable<T>, opts: ListOutput<T>): AsyncIterable<unknown> {
  const select = opts.select?.length ? opts.select : undefined
  return (async function* () {
    let first = true
    for await (const row of rows) {
      if (!select) yield row
      else {
        if (first) checkFieldNames(row, select, opts.columns)
        yield pickFields(row, select, opts.columns)
      }
      first = false
    }
  })()
}

/**
 * Print a stream of BAPI objects: json (one array), ndjson (a line each), csv (header + rows) are streamed
 * with constant memory; a table needs its widths, so it is collected first. Returns the number of rows.
 */
export async function printList<T>(rows: AsyncIterable<T> | Iterable<T>, opts: ListOutput<T>): Promise<number> {
  if (sink) return sink.print(rows)
  // table and csv lay out columns; json and ndjson select fields (jsonRows)
  const tabular = opts.format === 'table' || opts.format === 'csv'
  const cols = tabular ? selectColumns(opts.columns, opts.select, opts.defaults) : []
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
    moreHint(n, opts.page)
    return n
  }
  if (opts.format === 'csv') {
    await out(csvLine(cols.map(([name]) => name)))
    for await (const row of rows) {
      await out(csvLine(cols.map(([, c]: [string, Column<T>]) => c.get(row))))
      n++
    }
    moreHint(n, opts.page)
    return n
  }
  let opened = false
  for await (const row of jsonRows(rows, opts)) {
    if (opts.format === 'ndjson') await out(`${JSON.stringify(row)}\n`)
    else await out(`${opened ? ',\n' : '[\n'}${indent(JSON.stringify(row, null, 2))}`)
    opened = true
    n++
  }
  if (opts.format === 'json') await out(n === 0 ? '[]\n' : '\n]\n')
  moreHint(n, opts.page)
  return n
}

/** Print one object: JSON for scripts, a key/value table for people, one CSV row with a header. */
export async function printOne<T>(row: T, opts: ListOutput<T>): Promise<void> {
  if (sink) return void (await sink.print([row]))
  if (opts.format === 'json' || opts.format === 'ndjson') {
    const select = opts.select?.length ? opts.select : undefined
    if (select) checkFieldNames(row, select, opts.columns)
    const value = select ? pickFields(row, select, opts.columns) : row
    return out(opts.format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : `${JSON.stringify(value)}\n`)
  }
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
