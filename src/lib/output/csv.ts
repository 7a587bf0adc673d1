import {cellText} from './columns.js'

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; formula-looking cells are left as data. */
export function csvField(value: unknown): string {
  const text = cellText(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV record, LF-terminated (RFC 4180 quoting kept), so `$(... | tail -1)` carries no stray CR. */
export const csvLine = (values: unknown[]) => `${values.map(csvField).join(',')}\n`
