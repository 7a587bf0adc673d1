/**
 * A delivery to verify, from the command line: the body (`--body FILE|-`, read as raw bytes, never
 * re-encoded) and `--header 'name: value'` lines, or `--request FILE`: a saved raw HTTP request (request
 * line optional, headers, blank line, body) or a JSON file `{"headers": {...}, "body": "<raw body>"}`.
 */
import {readFile} from 'node:fs/promises'

import {usageError} from '../util/errors.js'
import {readStdin} from '../util/stdin.js'
import type {RawDelivery} from './verify.js'

export interface DeliveryFlags {
  body?: string
  header?: string[]
  request?: string
}

async function readSource(path: string): Promise<string> {
  if (path === '-') return readStdin()
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw usageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}

export function parseHeaderLine(line: string): [string, string] {
  const i = line.indexOf(':')
  if (i <= 0) throw usageError(`--header "${line}": expected "name: value"`)
  return [line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()]
}

/** A raw HTTP request: `POST /path HTTP/1.1` (optional), header lines, a blank line, the body as is. */
export function parseRawRequest(text: string): RawDelivery {
  const m = /\r?\n\r?\n/.exec(text)
  const head = m ? text.slice(0, m.index) : text
  const body = m ? text.slice(m.index + m[0].length) : ''
  const headers: Record<string, string> = {}
  for (const [i, line] of head.split(/\r?\n/).entries()) {
    if (i === 0 && /^[A-Z]+ \S+ HTTP\/[\d.]+$/.test(line.trim())) continue
    if (line.trim() === '') continue
    const [k, v] = parseHeaderLine(line)
    headers[k] = v
  }
  return {headers, body}
}

function parseJsonRequest(text: string, path: string): RawDelivery {
  let doc: {headers?: Record<string, unknown>; body?: unknown}
  try {
    doc = JSON.parse(text)
  } catch {
    throw usageError(`${path}: not JSON`)
  }
  if (!doc || typeof doc !== 'object' || typeof doc.headers !== 'object' || doc.body === undefined)
    throw usageError(`${path}: expected {"headers": {...}, "body": "<the raw body>"}`)
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(doc.headers ?? {})) headers[k.toLowerCase()] = String(v)
  // An object body has been parsed already: re-serialising it is exactly what breaks signatures (the hint says so).
  const body = typeof doc.body === 'string' ? doc.body : JSON.stringify(doc.body)
  return {headers, body}
}

export async function readDelivery(flags: DeliveryFlags): Promise<RawDelivery> {
  let delivery: RawDelivery = {headers: {}, body: ''}
  if (flags.request) {
    if (flags.body) throw usageError('--request already holds the body; drop --body')
    const text = await readSource(flags.request)
    delivery = text.trimStart().startsWith('{') ? parseJsonRequest(text, flags.request) : parseRawRequest(text)
  } else if (flags.body) {
    delivery.body = await readSource(flags.body)
  } else {
    throw usageError('nothing to verify', 'pass --body FILE (or - for stdin) with --header lines, or --request FILE')
  }
  for (const line of flags.header ?? []) {
    const [k, v] = parseHeaderLine(line)
    delivery.headers[k] = v
  }
  return delivery
}
