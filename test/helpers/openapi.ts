/**
 * Validate a BAPI response body against Clerk's OpenAPI spec (spec/openapi.yml).
 *
 *   import {validateResponse} from '../helpers/openapi.js'
 *   expect(validateResponse('GET', '/v1/users/user_123', 200, body)).toEqual([])
 *
 * `validateResponse(method, path, status, body)` returns a list of error strings (empty = valid).
 * - `path` is the concrete request path, with or without the `/v1` prefix and query string; it is matched
 *   to the spec's template (`/users/{user_id}`), literal segments winning over parameters (`/users/count`).
 * - An error response to a path or method the spec lacks (an unknown route's 404) is checked against `ClerkErrors`.
 * - The schema is the response for `status`, else `4XX`/`5XX`, else `default`. An error status the route
 *   does not document (e.g. 429, or 401 where the spec omits it) is checked against `ClerkErrors`,
 *   the shape every BAPI error shares; an undocumented 2xx/3xx status is an error.
 * - `opts.paginated` (the request had `paginated=true`): a documented array is expected as `{data, total_count}`.
 * - OpenAPI 3.0 `nullable: true` becomes `anyOf: [{type: 'null'}, schema]`; ajv runs with strict off,
 *   so vendor keywords (`x-speakeasy-*`, `discriminator`, `example`) are ignored.
 */
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv, type ValidateFunction} from 'ajv'
import addFormatsModule from 'ajv-formats'
import {parse} from 'yaml'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any

const SPEC_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'spec', 'openapi.yml')
const SPEC_ID = 'clerk-bapi'
let spec: Any
let ajv: Ajv
let templates: {template: string; re: RegExp; params: number}[]
const validators = new Map<string, ValidateFunction>()

/** Turn OpenAPI 3.0 schema dialect into JSON Schema ajv understands (and point local $refs at the spec document). */
export function normalizeSchema(node: Any): Any {
  if (Array.isArray(node)) return node.map(normalizeSchema)
  if (!node || typeof node !== 'object') return node
  const out: Any = {}
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out.$ref = `${SPEC_ID}${v}`
    else if (k !== 'nullable') out[k] = normalizeSchema(v)
  }
  if (node.nullable === true && !node.$ref) return {anyOf: [{type: 'null'}, out]}
  return out
}

function init(): void {
  if (spec) return
  spec = parse(readFileSync(SPEC_PATH, 'utf8'), {maxAliasCount: -1})
  ajv = new Ajv({strict: false, allErrors: true, logger: false})
  const addFormats = (addFormatsModule as Any).default ?? addFormatsModule
  addFormats(ajv)
  ajv.addFormat('int64', {type: 'number', validate: Number.isInteger})
  ajv.addFormat('int32', {type: 'number', validate: Number.isInteger})
  ajv.addSchema({$id: SPEC_ID, components: normalizeSchema(spec.components)})
  templates = Object.keys(spec.paths).map((template) => {
    const source = template
      .split('/')
      .map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')
    return {template, re: new RegExp(`^${source}$`), params: (template.match(/\{/g) ?? []).length}
  })
}

/** The spec's template for a concrete path, e.g. `/v1/users/user_1` -> `/users/{user_id}` (undefined if none). */
export function specPathFor(path: string): string | undefined {
  init()
  const p =
    path
      .split('?')[0]
      .replace(/^\/v1(?=\/)/, '')
      .replace(/\/$/, '') || '/'
  return templates.filter((t) => t.re.test(p)).sort((a, b) => a.params - b.params)[0]?.template
}

function resolve(node: Any): Any {
  let n = node
  while (n && n.$ref)
    n = n.$ref
      .slice(2)
      .split('/')
      .reduce((o: Any, key: string) => o?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
  return n
}

export function validateResponse(
  method: string,
  path: string,
  status: number,
  body: unknown,
  opts: {paginated?: boolean} = {},
): string[] {
  init()
  const template = specPathFor(path)
  const op = template ? spec.paths[template]?.[method.toLowerCase()] : undefined
  if (!op && status < 400)
    return [template ? `the spec has no ${method.toUpperCase()} ${template}` : `no path in the spec matches ${path}`]
  const responses = op?.responses ?? {}
  const where = `${method.toUpperCase()} ${template} ${status}`
  let response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default
  let key = `${method} ${template} ${status}`
  if (!response) {
    if (status < 400) return [`${where}: status not documented`]
    response = {content: {'application/json': {schema: {$ref: '#/components/schemas/ClerkErrors'}}}}
    key = 'ClerkErrors'
  }
  let schema = resolve(response)?.content?.['application/json']?.schema
  // An error documented by its description only (e.g. VerifyPassword's 400/422): Clerk's error shape still applies.
  if (!schema && status >= 400 && body !== undefined && body !== null && body !== '') {
    schema = {$ref: '#/components/schemas/ClerkErrors'}
    key = 'ClerkErrors'
  }
  if (!schema)
    return body === undefined || body === null || body === '' ? [] : [`${where}: the spec documents no JSON body`]
  // `paginated=true` (the spec's Paginated parameter) turns a documented array into {data: [...], total_count}.
  if (opts.paginated && status < 300 && resolve(schema)?.type === 'array') {
    schema = {
      type: 'object',
      additionalProperties: false,
      required: ['data', 'total_count'],
      properties: {data: schema, total_count: {type: 'integer'}},
    }
    key += ' paginated'
  }
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv.compile(normalizeSchema(schema))
    validators.set(key, validate)
  }
  if (validate(body)) return []
  return (validate.errors ?? []).map(
    (e) => `${where}: ${e.instancePath || '(body)'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`,
  )
}
