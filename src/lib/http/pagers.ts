/**
 * Every way the CLI pages a BAPI list, in one module: `paginate` (offset paging, with a count ahead or until
 * a short page), `listPages` (pages that are a bare array or `{data, total_count}`: stops at total_count),
 * and `listAll` (GET a list path with limit/offset through the shared client).
 */
import type {Client, Query, Row} from './client.js'

export interface OffsetSource<T> {
  /** one page: `limit` items from `offset` */
  page(offset: number, limit: number): Promise<T[]>
  /** the number of items the listing will yield (one request); without it pages run until a short one */
  count?: () => Promise<number>
}

export interface PaginateOptions {
  pageSize: number
  /** first offset */
  offset?: number
  /** stop after this many items */
  max?: number
  /** pages requested ahead of the consumer when the total is known (the limiter still paces them) */
  prefetch?: number
}

/**
 * Every item of an offset-paged BAPI list, in order, with memory bounded by `prefetch` pages.
 * With a count: exactly ceil(total / pageSize) page requests plus the count, fetched a few at a time.
 * Without: sequential pages until one comes back short.
 */
export async function* paginate<T>(source: OffsetSource<T>, options: PaginateOptions): AsyncGenerator<T> {
  const {pageSize} = options
  const start = options.offset ?? 0
  const max = options.max ?? Number.POSITIVE_INFINITY
  let yielded = 0
  if (source.count) {
    const end = Math.min(await source.count(), start + max)
    const offsets: number[] = []
    for (let o = start; o < end; o += pageSize) offsets.push(o)
    const window: Array<Promise<T[]>> = []
    const ahead = Math.max(1, options.prefetch ?? 3)
    let next = 0
    const fill = () => {
      while (window.length < ahead && next < offsets.length) {
        const o = offsets[next++]
        const p = source.page(o, Math.min(pageSize, end - o))
        p.catch(() => undefined) // surfaced when awaited in order
        window.push(p)
      }
    }
    fill()
    while (window.length > 0) {
      const items = await window.shift()!
      fill()
      for (const item of items) {
        if (yielded++ >= max) return
        yield item
      }
    }
    return
  }
  for (let offset = start; yielded < max; offset += pageSize) {
    const limit = Math.min(pageSize, max - yielded)
    const items = await source.page(offset, limit)
    for (const item of items) {
      yielded++
      yield item
    }
    if (items.length < limit) return
  }
}

/** The items of a list answer: a bare array or `{data, total_count}`. */
export function itemsOf<T = Row>(data: unknown): {items: T[]; total?: number} {
  if (Array.isArray(data)) return {items: data}
  const env = data as {data?: T[]; total_count?: number}
  return {items: env?.data ?? [], total: env?.total_count}
}

export interface PageOptions {
  pageSize: number
  offset?: number
  max?: number
}

/**
 * Every item of a list whose pages are a bare array or `{data, total_count}`, in order: stops on a short
 * page, or when total_count says the list is done (saving the empty last request). `items` reads one page.
 */
export function listPages<T>(
  page: (offset: number, limit: number) => Promise<unknown>,
  opts: PageOptions,
  items: (data: unknown) => {items: unknown[]; total?: number} = itemsOf,
): AsyncGenerator<T> {
  let total: number | undefined
  return paginate<T>(
    {
      async page(offset, limit) {
        if (total !== undefined && offset >= total) return []
        const p = items(await page(offset, limit))
        total = p.total
        return p.items as T[]
      },
    },
    opts,
  )
}

export interface ListOptions {
  /** the most items to yield (default: all) */
  limit?: number
  offset?: number
  pageSize?: number
}

/** Every item of a limit/offset list path, page by page (stops on a short page or at total_count). */
export function listAll(client: Client, path: string, query: Query = {}, opts: ListOptions = {}): AsyncGenerator<Row> {
  return listPages<Row>((offset, limit) => client.request('GET', path, {query: {...query, limit, offset}}), {
    pageSize: Math.min(opts.pageSize ?? 500, opts.limit ?? 500),
    offset: opts.offset,
    max: opts.limit,
  })
}
