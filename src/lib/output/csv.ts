import {cellText} from './columns.js'

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; formula-looking cells are left as data. */
export function csvField(value: unknown): string {
  const text = cellText(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const csvLine = (values: unknown[]) => `${values.map(csvField).join(',')}\r\n`
