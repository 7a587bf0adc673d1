/**
 * Bulk input: CSV (a real parser: quoted fields, embedded newlines, BOM, CRLF), JSONL, a JSON document
 * (an array of objects, or `{"users": [...]}`: read whole), or plain lines (one value per line, e.g. user
 * ids), from a file or stdin. Stdin is spooled to a private temporary file
 * first (0600, in a 0700 directory), so every input can be read twice (validate, then run) with constant
 * memory and hashed for the journal. The file is unlinked as soon as it is written and read through its
 * open descriptor: nothing is left on disk on any exit, a kill -9 included.
 */
import {createHash} from 'node:crypto'
import {closeSync, createReadStream, createWriteStream, existsSync, mkdtempSync, rmdirSync, unlinkSync} from 'node:fs'
import {stat} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {extname, join} from 'node:path'
import {createInterface} from 'node:readline'
import {pipeline} from 'node:stream/promises'

import {usageError} from '../util/errors.js'
import {openPrivate} from '../util/private-file.js'

import {INPUT_FORMATS, type InputFormat} from './formats.js'

export {INPUT_FORMATS, type InputFormat}

export type BulkRecord = Record<string, unknown>

export interface InputSource {
  /** the file read (a spooled copy for stdin) */
  path: string
  /** what the person named: a path, or '-' for stdin */
  label: string
  format: InputFormat
  /** sha256 (hex) of the bytes: the journal is tied to it */
  sha256: string
  stdin: boolean
  /** stdin only: the open descriptor of the unlinked spool file (close it when done) */
  fd?: number
}

/** `email=Email Address` -> {field: 'email', column: 'Email Address'} (the field gets the column's value). */
export function parseMap(specs: string[] = []): Map<string, string> {
  const map = new Map<string, string>()
  for (const spec of specs) {
    const i = spec.indexOf('=')
    if (i <= 0 || i === spec.length - 1)
      throw usageError(`invalid --map "${spec}"`, 'use --map field=Column Name, e.g. --map email="Email Address"')
    map.set(spec.slice(0, i).trim(), spec.slice(i + 1).trim())
  }
  return map
}

/** Apply --map: each mapped field takes its column's value (the column itself is dropped). */
export function applyMap(record: BulkRecord, map: Map<string, string>): BulkRecord {
  if (map.size === 0) return record
  const out: BulkRecord = {...record}
  for (const [field, column] of map) {
    if (column in record) {
      out[field] = record[column]
      if (column !== field) delete out[column]
    }
  }
  return out
}

function formatFromName(name: string): InputFormat | undefined {
  const ext = extname(name).toLowerCase()
  if (ext === '.csv' || ext === '.tsv') return 'csv'
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl'
  if (ext === '.json') return undefined // JSONL or a whole document: sniffed
  if (ext === '.txt' || ext === '.ids') return 'lines'
  return undefined
}

/**
 * Peek at the first bytes: `[` is a JSON document (an array of objects); `{` is JSONL, unless its first line
 * is not a whole JSON object (a pretty-printed document such as `firebase auth:export`'s `{"users": [...]}`)
 * or is an object holding just one array of objects (the same document on one line); otherwise CSV.
 */
async function sniff(path: string): Promise<InputFormat> {
  const stream = createReadStream(path, {start: 0, end: 65_535, encoding: 'utf8'})
  let head = ''
  for await (const chunk of stream) head += chunk
  const text = head.replace(/^\uFEFF/, '').trimStart()
  if (text.startsWith('[')) return 'json'
  if (!text.startsWith('{')) return 'csv'
  const newline = text.indexOf('\n')
  if (newline < 0 && head.length > 65_535) return 'json' // one line longer than the peek: a document
  const first = newline < 0 ? text : text.slice(0, newline)
  try {
    return wrappedArray(JSON.parse(first)) ? 'json' : 'jsonl'
  } catch {
    return 'json'
  }
}

/** `{"users": [{…}, …]}` -> the array (an object whose only array-valued property holds objects). */
function wrappedArray(value: unknown): unknown[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const arrays = Object.values(value).filter(Array.isArray)
  if (arrays.length !== 1) return undefined
  const [array] = arrays
  return array.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x)) ? array : undefined
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

/** Open an input: check it exists, spool stdin, pick the format, hash it. */
export async function openInput(
  name: string,
  options: {format?: InputFormat; stdin?: NodeJS.ReadableStream} = {},
): Promise<InputSource> {
  let path = name
  const isStdin = name === '-'
  let fd: number | undefined
  if (isStdin) {
    const dir = mkdtempSync(join(tmpdir(), 'clerk-bulk-stdin-'))
    const spool = join(dir, 'input')
    fd = openPrivate(spool, 'spool', 'stdin spool')
    try {
      unlinkSync(spool)
      rmdirSync(dir)
      await pipeline(options.stdin ?? process.stdin, createWriteStream('', {fd, autoClose: false}))
    } catch (error) {
      closeSync(fd)
      throw error
    }
    // a fresh open of the same (unlinked) file, at offset 0, for every read
    path = existsSync('/proc/self/fd') ? `/proc/self/fd/${fd}` : `/dev/fd/${fd}`
  } else {
    const s = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw usageError(
        `cannot read ${name}: ${error.code === 'ENOENT' ? 'no such file' : (error.code ?? error.message)}`,
      )
    })
    if (!s.isFile()) throw usageError(`${name} is not a file`)
  }
  const format = options.format ?? (isStdin ? undefined : formatFromName(name)) ?? (await sniff(path))
  return {path, label: isStdin ? 'stdin' : name, format, sha256: await hashFile(path), stdin: isStdin, fd}
}

/** A row that could not be parsed at all (bad JSON line, malformed CSV). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message)
  }
}

/** One input row; `error` when the row itself could not be read (a JSONL line that is not an object). */
export interface InputRow {
  row: number
  record: BulkRecord
  error?: string
}

export interface ReadOptions {
  map?: Map<string, string>
  /** field name for `lines` input (default `id`) */
  linesField?: string
}

/**
 * Every record of the input in order, numbered from 1 (the first data row; a CSV header is not a row).
 * Records are plain objects: CSV values are strings, JSONL values as written.
 */
export async function* readRecords(source: InputSource, options: ReadOptions = {}): AsyncGenerator<InputRow> {
  const map = options.map ?? new Map()
  if (source.format === 'csv') {
    let duplicate: string[] | undefined
    const {parse} = await import('csv-parse')
    const parser = createReadStream(source.path).pipe(
      parse({
        bom: true,
        columns: (header: string[]) => {
          const names = header.map((h) => h.trim())
          const twice = names.filter((h, i) => names.indexOf(h) !== i)
          if (twice.length) duplicate = [...new Set(twice)]
          return names
        },
        skip_empty_lines: true,
        delimiter: extname(source.path).toLowerCase() === '.tsv' ? '\t' : ',',
      }),
    )
    let row = 0
    try {
      for await (const record of parser) {
        if (duplicate) break
        yield {row: ++row, record: applyMap(record as BulkRecord, map)}
      }
    } catch (error) {
      if (!duplicate) throw new InputError(`CSV: ${(error as Error).message}`, row + 1)
    }
    if (duplicate)
      throw usageError(
        `${source.label}: the header names ${duplicate.map((d) => `"${d}"`).join(', ')} more than once`,
        'give every column its own name',
      )
    return
  }
  if (source.format === 'json') {
    yield* readDocument(source, map)
    return
  }
  const lines = createInterface({input: createReadStream(source.path, {encoding: 'utf8'}), crlfDelay: Infinity})
  let row = 0
  for await (let line of lines) {
    if (row === 0) line = line.replace(/^\uFEFF/, '')
    const text = line.trim()
    if (text === '' || (source.format === 'lines' && text.startsWith('#'))) continue
    row++
    if (source.format === 'lines') {
      yield {row, record: applyMap({[options.linesField ?? 'id']: text}, map)}
      continue
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      yield {row, record: {}, error: `not JSON (${(error as Error).message})`}
      continue
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      yield {row, record: {}, error: 'each line must be a JSON object'}
    else yield {row, record: applyMap(value as BulkRecord, map)}
  }
}

/** A JSON document: an array of objects, or an object holding one (`{"users": [...]}`); read whole. */
async function* readDocument(source: InputSource, map: Map<string, string>): AsyncGenerator<InputRow> {
  const {readFile} = await import('node:fs/promises')
  let doc: unknown
  try {
    doc = JSON.parse((await readFile(source.path, 'utf8')).replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new InputError(`not a JSON document (${(error as Error).message})`, 1)
  }
  const items = Array.isArray(doc) ? doc : wrappedArray(doc)
  if (!items) throw new InputError('a JSON document must be an array of objects, or an object holding one', 1)
  let row = 0
  for (const value of items) {
    row++
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      yield {row, record: {}, error: 'each item must be a JSON object'}
    else yield {row, record: applyMap(value as BulkRecord, map)}
  }
}
