import {cellText} from './columns.js'
import {useColor} from './tty.js'

/** How wide a table may be: the terminal's width, 80 when piped; Infinity with --wide. */
let maxWidth: number | undefined
export function configureTables(options: {wide?: boolean}): void {
  maxWidth = options.wide ? Infinity : undefined
}
export function tableWidth(stream: NodeJS.WriteStream = process.stdout): number {
  if (maxWidth !== undefined) return maxWidth
  return stream.isTTY && stream.columns ? stream.columns : 80
}

/** between two columns as rendered: a cell's padding on each side plus the two-space separator */
const GAP = 4
/** a truncated cell keeps at least this much (or its header) */
const MIN_CELL = 20
const LAST_MIN_CELL = 10

/**
 * Fit a table into `width` columns. Columns are in order of value (the id first): the last ones are
 * dropped until the rest can fit, then the columns are truncated with "…", the last ones first (the
 * first, the id people copy, is never cut). Returns the cells to render and how many columns were dropped.
 */
export function fitTable(
  headers: string[],
  rows: string[][],
  width: number,
): {headers: string[]; rows: string[][]; dropped: number} {
  const natural = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)))
  // the id is never cut; a last column (usually free text: a summary, a message) may shrink further
  const floor = (i: number) =>
    i === 0 ? natural[0] : Math.min(natural[i], Math.max(i === keep - 1 ? LAST_MIN_CELL : MIN_CELL, headers[i].length))
  const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0) + GAP * (ws.length - 1)
  let keep = headers.length
  while (keep > 1 && sum(Array.from({length: keep}, (_, i) => floor(i))) > width) keep--
  const widths = natural.slice(0, keep)
  // shrink the lowest-value column first (the last), down to its floor, then the one before it
  while (sum(widths) > width) {
    let i = widths.length - 1
    while (i > 0 && widths[i] <= floor(i)) i--
    if (i <= 0) break
    widths[i]--
  }
  const cut = (text: string, w: number) => ([...text].length > w ? `${[...text].slice(0, w - 1).join('')}…` : text)
  return {
    headers: headers.slice(0, keep).map((h, i) => cut(h, widths[i])),
    rows: rows.map((r) => r.slice(0, keep).map((c, i) => cut(c, widths[i]))),
    dropped: headers.length - keep,
  }
}

/**
 * A cli-table3 table as a string; no colour codes unless stdout is a colour terminal. It fits the terminal
 * (80 columns when piped) unless --wide; dropped columns are named on stderr.
 */
export async function renderTable(headers: string[], cells: unknown[][]): Promise<string> {
  const fitted = fitTable(
    headers,
    cells.map((r) => r.map((c) => cellText(c).replaceAll(/\s*\n\s*/g, ' '))),
    tableWidth(),
  )
  if (fitted.dropped > 0)
    process.stderr.write(
      `(${fitted.dropped} column${fitted.dropped === 1 ? '' : 's'} not shown: ${headers.slice(-fitted.dropped).join(', ')}; --wide shows all)\n`,
    )
  return renderCells(fitted.headers, fitted.rows)
}

async function renderCells(headers: string[], rows: string[][]): Promise<string> {
  const {default: Table} = await import('cli-table3')
  const color = useColor()
  const table = new Table({
    head: headers,
    style: {head: color ? ['cyan'] : [], border: color ? ['grey'] : [], compact: true},
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
  })
  for (const row of rows) table.push(row)
  return table
    .toString()
    .split('\n')
    .map((l) => l.replace(/^ /, '').trimEnd())
    .join('\n')
}

/** A two-column key/value table for one object. */
export async function renderRecord(entries: Array<[string, unknown]>): Promise<string> {
  const {default: Table} = await import('cli-table3')
  const table = new Table({style: {head: [], border: useColor() ? ['grey'] : []}})
  for (const [k, v] of entries) table.push({[k]: cellText(v)})
  return table.toString()
}
