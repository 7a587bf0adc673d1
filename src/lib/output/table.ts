import {cellText} from './columns.js'
import {useColor} from './tty.js'

/** A cli-table3 table as a string; no colour codes unless stdout is a colour terminal. */
export async function renderTable(headers: string[], rows: unknown[][]): Promise<string> {
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
  for (const row of rows) table.push(row.map(cellText))
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
