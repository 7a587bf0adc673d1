/**
 * `clerk api`: any BAPI endpoint through the shared client (paced, retried, one code path). Fields are
 * typed like `gh api`: `-f key=value` is a string, `-F key=value` turns true/false/null and numbers into
 * JSON values and reads `@file` (or `@-`, stdin); `key[sub]=v` nests objects and `key[]=v` builds arrays.
 */
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import type {ApiResponse, Client, Query} from '../http/client.js'
import {type Operation, type OperationTuple, toOperation} from './operations.js'
import {usageError} from '../util/errors.js'
import {listPages} from '../http/pagers.js'
import {editDistance} from '../util/suggest.js'

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

let operations: Operation[] | undefined

/** The operations of the spec shipped in the package (spec/operations.json, generated from spec/openapi.yml). */
export function loadOperations(): Operation[] {
  if (!operations) {
    const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'spec', 'operations.json')
    operations = (JSON.parse(readFileSync(file, 'utf8')) as OperationTuple[]).map(toOperation)
  }
  return operations
}

/** Operations whose method, path, summary or id contain every word of `filter` (any case). */
export function filterOperations(ops: Operation[], filter: string | undefined): Operation[] {
  const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  return ops.filter((o) => {
    const text = `${o.method} ${o.path} ${o.summary} ${o.operation_id}`.toLowerCase()
    return words.every((w) => text.includes(w))
  })
}

/** `users?limit=5`, `/v1/users`, `https://api.clerk.com/v1/users` -> `/users` plus its query. */
export function normalizePath(input: string): {path: string; query: URLSearchParams} {
  let text = input.trim()
  if (/^https?:\/\//i.test(text)) {
    const u = new URL(text)
    text = u.pathname + u.search
  }
  const [p, q = ''] = text.split(/\?(.*)/s)
  let path = `/${p.replace(/^\/+/, '')}`.replace(/\/+$/, '') || '/'
  path = path.replace(/^\/v1(?=\/|$)/, '') || '/'
  return {path, query: new URLSearchParams(q)}
}

const segs = (p: string) => p.split('/').filter(Boolean)
const isParam = (s: string) => /^\{.+\}$/.test(s)

/** The spec template a concrete path matches (literal segments win over parameters), or undefined. */
export function matchTemplate(ops: Operation[], path: string): string | undefined {
  const want = segs(path)
  let best: string | undefined
  let bestParams = Infinity
  for (const template of new Set(ops.map((o) => o.path))) {
    const t = segs(template)
    if (t.length !== want.length || !t.every((s, i) => isParam(s) || s === want[i])) continue
    const n = t.filter(isParam).length
    if (n < bestParams) [best, bestParams] = [template, n]
  }
  return best
}

/** The templates closest to an unknown path (parameters filled in from the path before comparing). */
export function suggestPaths(ops: Operation[], path: string, n = 3): string[] {
  const want = segs(path)
  const scored = [...new Set(ops.map((o) => o.path))].map((template) => {
    const filled = segs(template).map((s, i) => (isParam(s) && want[i] !== undefined ? want[i] : s))
    const [w, f] = [want.join('/'), filled.join('/')]
    // a template that extends what was typed (`/waitlist` -> `/waitlist_entries`) is close whatever its length
    const d =
      f.startsWith(w) && w.length > 2
        ? Math.min(editDistance(w, f), 1 + (f.length - w.length) / 10)
        : editDistance(w, f)
    return {template, d}
  })
  scored.sort((a, b) => a.d - b.d || a.template.length - b.template.length)
  return scored.slice(0, n).map((s) => s.template)
}

/** Check a request against the spec: an unknown path or method is a usage error naming the closest ones. */
export function checkOperation(method: string, path: string, ops: Operation[] = loadOperations()): Operation {
  const template = matchTemplate(ops, path)
  if (!template) {
    const near = suggestPaths(ops, path)
    throw usageError(
      `unknown API path ${path}`,
      `did you mean: ${near.join(', ')}? (clerk api ls FILTER lists them; --skip-check sends anyway)`,
    )
  }
  const op = ops.find((o) => o.path === template && o.method === method)
  if (!op) {
    const allowed = ops.filter((o) => o.path === template).map((o) => o.method)
    throw usageError(`${template} has no ${method} operation`, `it takes: ${allowed.join(', ')}`)
  }
  return op
}

/** `-f`/`-F` value typing, as `gh api`: true/false/null, integers and decimals become JSON; `@file` reads a file. */
export function typedValue(value: string, readInput: (name: string) => string): unknown {
  if (value === 'true') return true
  if (value === 'false') return false
  if (value === 'null') return null
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(value)) return Number(value)
  if (value.startsWith('@')) return readInput(value.slice(1))
  return value
}

/** Set `a[b][]` style keys on an object. */
function setPath(target: Json, key: string, value: unknown): void {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
  if (!m) throw usageError(`invalid field name "${key}"`, 'use key, key[sub] or key[] (for arrays)')
  const parts = [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])]
  let node = target
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    const last = i === parts.length - 1
    const nextIsArray = !last && parts[i + 1] === ''
    if (part === '') {
      if (!Array.isArray(node)) throw usageError(`field "${key}" mixes [] with other keys`)
      if (last) node.push(value)
      else {
        const child = nextIsArray ? [] : {}
        node.push(child)
        node = child
      }
      continue
    }
    if (Array.isArray(node)) throw usageError(`field "${key}" mixes [] with other keys`)
    if (last) node[part] = value
    else node = node[part] ??= nextIsArray ? [] : {}
  }
}

/** `key=value` pairs to an object; `typed` applies -F typing. */
export function buildFields(
  raw: string[],
  typed: string[],
  readInput: (name: string) => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const add = (pair: string, isTyped: boolean) => {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw usageError(`invalid field "${pair}"`, 'expected key=value')
    const key = pair.slice(0, eq)
    const value = pair.slice(eq + 1)
    setPath(out, key, isTyped ? typedValue(value, readInput) : value)
  }
  for (const f of raw) add(f, false)
  for (const f of typed) add(f, true)
  return out
}

/** Query pairs (`-q key=value`, repeatable; a repeated key becomes a list, as BAPI reads arrays). */
export function buildQuery(pairs: string[], base: URLSearchParams, fields: Record<string, unknown> = {}): Query {
  const q: Record<string, Array<string | number>> = {}
  const push = (k: string, v: string) => (q[k] ??= []).push(v)
  for (const [k, v] of base) push(k, v)
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw usageError(`invalid query "${pair}"`, 'expected key=value')
    push(pair.slice(0, eq), pair.slice(eq + 1))
  }
  for (const [k, v] of Object.entries(fields)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item !== null && typeof item === 'object')
        throw usageError(`field ${k} is an object; a GET request sends fields as query parameters`)
      push(k, String(item))
    }
  }
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v.length === 1 ? v[0] : v]))
}

/** The status line and headers, as `curl -i` / `gh api -i` show them. */
export function formatHead(res: ApiResponse): string {
  const lines = [`HTTP ${res.status} ${res.statusText}`.trimEnd()]
  for (const [k, v] of res.headers) lines.push(`${k}: ${v}`)
  return `${lines.join('\n')}\n\n`
}

/** The items of one list page: a bare array, or BAPI's `{data, total_count}` envelope. */
export function pageItems(data: unknown): {items: unknown[]; total?: number} {
  if (Array.isArray(data)) return {items: data}
  const env = data as {data?: unknown; total_count?: unknown}
  if (env && Array.isArray(env.data))
    return {items: env.data, total: typeof env.total_count === 'number' ? env.total_count : undefined}
  throw usageError('--paginate needs a list: the response is neither an array nor {data, total_count}')
}

export interface PaginateRequest {
  path: string
  query: Query
  pageSize: number
  /** called with every page's response (for -i) */
  onPage?: (res: ApiResponse) => void
}

/**
 * Every item of a list endpoint, following limit/offset from the given offset; stops on a short page, or
 * when `total_count` says the list is done (saving the empty last request). A 4xx/5xx page throws.
 */
export function paginateAll(client: Client, req: PaginateRequest): AsyncGenerator<unknown> {
  const start = Number(req.query.offset ?? 0) || 0
  const page = async (offset: number, limit: number) => {
    const res = await client.send('GET', req.path, {query: {...req.query, limit, offset}})
    req.onPage?.(res)
    if (res.status >= 400) {
      const {apiErrorFrom} = await import('../http/client.js')
      throw apiErrorFrom(res)
    }
    return res.data
  }
  return listPages<unknown>(page, {pageSize: req.pageSize, offset: start}, pageItems)
}

export interface ApiInput {
  /** the positional words: [PATH] or [METHOD, PATH] */
  words: string[]
  method?: string
  rawFields: string[]
  fields: string[]
  query: string[]
  input?: string
  paginate: boolean
  skipCheck: boolean
}

export interface ApiRequest {
  method: string
  path: string
  query: Query
  body?: unknown
  operation?: Operation
}

function readInputFile(name: string): string {
  try {
    return readFileSync(name === '-' ? 0 : name, 'utf8')
  } catch (error) {
    throw usageError(
      `cannot read ${name === '-' ? 'stdin' : name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
}

/**
 * Everything `clerk api` sends, worked out before any request: the method (explicit, else POST when there
 * is a body, else GET), the path checked against the spec, query and body. Fields of a GET (or of a request
 * with --input) go to the query string, as with `gh api`.
 */
export function prepareApiRequest(a: ApiInput): ApiRequest {
  const [first, second, ...rest] = a.words
  if (rest.length > 0) throw usageError(`unexpected argument ${rest[0]}`, 'usage: clerk api [METHOD] PATH')
  const positionalMethod = second === undefined ? undefined : first.toUpperCase()
  if (positionalMethod && !(HTTP_METHODS as readonly string[]).includes(positionalMethod)) {
    throw usageError(`unknown HTTP method ${first}`, `use one of ${HTTP_METHODS.join(', ')}`)
  }
  if (positionalMethod && a.method && positionalMethod !== a.method.toUpperCase())
    throw usageError('two different methods given (argument and --method)')
  const {path, query: pathQuery} = normalizePath(second ?? first)
  const fields = buildFields(a.rawFields, a.fields, readInputFile)
  const hasFields = Object.keys(fields).length > 0
  let body: unknown
  if (a.input !== undefined) {
    const text = readInputFile(a.input)
    if (text.trim()) {
      try {
        body = JSON.parse(text)
      } catch (error) {
        throw usageError(`--input ${a.input} is not JSON: ${(error as Error).message}`)
      }
    }
  }
  const method = (
    positionalMethod ??
    a.method?.toUpperCase() ??
    (hasFields || body !== undefined ? 'POST' : 'GET')
  ).toUpperCase()
  if (!(HTTP_METHODS as readonly string[]).includes(method))
    throw usageError(`unknown HTTP method ${method}`, `use one of ${HTTP_METHODS.join(', ')}`)
  const fieldsInQuery = method === 'GET' || method === 'HEAD' || a.input !== undefined
  if (body === undefined && hasFields && !fieldsInQuery) body = fields
  const query = buildQuery(a.query, pathQuery, fieldsInQuery ? fields : {})
  if (a.paginate && method !== 'GET') throw usageError('--paginate works with GET requests only')
  const operation = a.skipCheck ? undefined : checkOperation(method, path)
  if (a.paginate && operation && operation.page_max === 0) {
    throw usageError(`${operation.method} ${operation.path} does not page with limit/offset`, 'drop --paginate')
  }
  return {method, path, query, body, operation}
}
