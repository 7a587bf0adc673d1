/**
 * Input honesty: a column or key the job does not know is not dropped without a word (exit 2, naming it and
 * the closest known field), and a value that is not clean text (invalid UTF-8, control characters) makes
 * its row invalid. Used by the runner's validation (plan.ts) for every job that declares its `fields`.
 */
import {usageError} from '../util/errors.js'
import {closest} from '../util/suggest.js'
import type {BulkRecord} from './input.js'

/** Collects unknown fields across rows; `check()` throws the usage error naming them. */
export class UnknownFields {
  private readonly unknown = new Map<string, number>()
  constructor(private readonly known: ReadonlySet<string>) {}

  see(record: BulkRecord, row: number): void {
    for (const k of Object.keys(record)) if (!this.known.has(k) && !this.unknown.has(k)) this.unknown.set(k, row)
  }

  check(label: string, format: string): void {
    if (this.unknown.size === 0) return
    const what = format === 'csv' ? 'column' : 'key'
    const parts = [...this.unknown].map(([k, row]) => {
      const near = closest(k, this.known)[0]
      return `"${k}"${format === 'csv' ? '' : ` (row ${row})`}${near ? ` (did you mean ${near}?)` : ''}`
    })
    throw usageError(
      `${label}: unknown ${what}${parts.length > 1 ? 's' : ''} ${parts.join(', ')}; nothing was sent`,
      `rename it, map it with --map FIELD=${format === 'csv' ? 'COLUMN' : 'KEY'}, or remove it`,
    )
  }
}

// C0 controls but tab, newline and carriage return; DEL; C1 controls. U+FFFD is what invalid UTF-8 decodes to.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const REPLACEMENT = '\uFFFD'

/** Why a record's values are not clean text (the first problem found), or undefined. */
export function dirtyValue(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') {
    if (value.includes(REPLACEMENT)) return `${path || 'a value'}: invalid UTF-8`
    const m = CONTROL.exec(value)
    if (m)
      return `${path || 'a value'}: control character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
    return undefined
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const bad = dirtyValue(v, `${path}[${i}]`)
      if (bad) return bad
    }
    return undefined
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = dirtyValue(k, path ? `${path}.${k}` : k) ?? dirtyValue(v, path ? `${path}.${k}` : k)
      if (bad) return bad
    }
  }
  return undefined
}
