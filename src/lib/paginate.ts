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
