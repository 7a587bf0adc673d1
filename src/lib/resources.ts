/** Shared pieces of the smaller BAPI resources (identifiers, templates, redirect URLs, tokens, waitlist). */
import {type ApiResponse, type Client, type Query} from './client.js'
import {type Columns, formatTime, isoTime} from './output/columns.js'
import {paginate} from './paginate.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>

/** Columns from [name, HEADER, field] triples; fields ending in `_at` are shown as times (ISO in CSV). */
export function simpleColumns(format: string, spec: Array<[string, string, string?]>): Columns<Row> {
  const time = format === 'csv' ? isoTime : formatTime
  return Object.fromEntries(
    spec.map(([name, header, field = name]) => [name, {header, get: (r: Row) => (field.endsWith('_at') ? time(r[field]) : r[field])}]),
  )
}

/** The items of a list answer: a bare array or `{data, total_count}`. */
export function itemsOf(data: unknown): {items: Row[]; total?: number} {
  if (Array.isArray(data)) return {items: data}
  const env = data as {data?: Row[]; total_count?: number}
  return {items: env?.data ?? [], total: env?.total_count}
}

export interface ListOptions {
  /** the most items to yield (default: all) */
  limit?: number
  offset?: number
  pageSize?: number
}

/** Every item of a limit/offset list, page by page (stops on a short page or at total_count). */
export function listAll(client: Client, path: string, query: Query = {}, opts: ListOptions = {}): AsyncGenerator<Row> {
  let total: number | undefined
  return paginate<Row>(
    {
      async page(offset, limit) {
        if (total !== undefined && offset >= total) return []
        const page = itemsOf(await client.request('GET', path, {query: {...query, limit, offset}}))
        total = page.total
        return page.items
      },
    },
    {pageSize: Math.min(opts.pageSize ?? 500, opts.limit ?? 500), offset: opts.offset, max: opts.limit},
  )
}

export type {ApiResponse}

/** Print BAPI's DeletedObject: JSON for scripts, `Deleted <id>` for people. */
export async function printDeleted(result: Row, format: string): Promise<void> {
  const {out} = await import('./output/writer.js')
  if (format === 'json') return out(`${JSON.stringify(result, null, 2)}\n`)
  if (format === 'ndjson') return out(`${JSON.stringify(result)}\n`)
  if (format === 'csv') return out(`id,object,deleted\r\n${result.id ?? ''},${result.object ?? ''},${result.deleted}\r\n`)
  process.stderr.write(`Deleted ${result.object ?? ''} ${result.id ?? ''}\n`)
}
