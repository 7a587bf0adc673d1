/**
 * Input checks of the routes outside /v1 (/api_keys, /m2m_tokens): their spec answers bad input with a
 * 400 `bad_request` naming the field ("Invalid 'body.name': …"), not the 422 form_param_* errors of /v1.
 */
import {raise} from '../errors.js'
import {isPlainObject} from '../json.js'
import type {Json} from '../store.js'

export const invalid = (where: string, why: string) => raise('MachineAuthRequestInvalid', {where, why})

export interface Field {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'strings' | 'any'
  nullable?: boolean
  pattern?: RegExp
  min?: number
  max?: number
  /** the number must be greater than `min` (not equal) */
  exclusiveMin?: boolean
  enum?: string[]
}

function why(f: Field, v: unknown): string | undefined {
  if (v === null) return f.nullable || f.type === 'any' ? undefined : 'Expected a value, received null'
  switch (f.type) {
    case 'any':
      return undefined
    case 'strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'Expected an array of strings'
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'Expected boolean'
    case 'string': {
      if (typeof v !== 'string') return 'Expected string'
      if (f.min !== undefined && v.length < f.min) return `String must contain at least ${f.min} character(s)`
      if (f.max !== undefined && v.length > f.max) return `String must contain at most ${f.max} character(s)`
      if (f.pattern && !f.pattern.test(v)) return 'Failed regex check'
      if (f.enum && !f.enum.includes(v)) return `Expected one of ${f.enum.join(', ')}`
      return undefined
    }
    default: {
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'Expected number'
      if (f.type === 'integer' && !Number.isInteger(v)) return 'Expected integer'
      if (f.min !== undefined && (f.exclusiveMin ? v <= f.min : v < f.min))
        return `Number must be greater than ${f.exclusiveMin ? '' : 'or equal to '}${f.min}`
      if (f.max !== undefined && v > f.max) return `Number must be less than or equal to ${f.max}`
      return undefined
    }
  }
}

/** The body against its fields (no others allowed; `required` must be there). */
export function checkBody(body: Json, fields: Record<string, Field>, required: string[] = []): void {
  if (!isPlainObject(body)) throw invalid('body', 'Expected object')
  for (const key of Object.keys(body)) if (!fields[key]) throw invalid(`body.${key}`, 'Unrecognized key')
  for (const key of required) if (body[key] === undefined) throw invalid(`body.${key}`, 'Required')
  for (const [key, f] of Object.entries(fields)) {
    if (body[key] === undefined) continue
    const problem = why(f, body[key])
    if (problem) throw invalid(`body.${key}`, problem)
  }
}

/** A query parameter: its string, checked against a pattern (`required`: it must be there). */
export function queryString(q: URLSearchParams, name: string, o: {required?: boolean; pattern?: RegExp} = {}) {
  const v = q.get(name)
  if (v === null || v === '') {
    if (o.required) throw invalid(`query.${name}`, 'Required')
    return undefined
  }
  if (o.pattern && !o.pattern.test(v)) throw invalid(`query.${name}`, 'Failed regex check')
  return v
}

/** A `true`/`false` query parameter (absent: `fallback`). */
export function queryBoolean(q: URLSearchParams, name: string, fallback = false): boolean {
  const v = q.get(name)
  if (v === null || v === '') return fallback
  if (v !== 'true' && v !== 'false') throw invalid(`query.${name}`, "Expected 'true' | 'false'")
  return v === 'true'
}

/** limit (1..100, default 10) and offset (>= 0), as these routes read them. */
export function queryPage(q: URLSearchParams): {limit: number; offset: number} {
  const num = (name: string, fallback: number, min: number, max: number) => {
    const raw = q.get(name)
    if (raw === null || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isFinite(n)) throw invalid(`query.${name}`, 'Expected number')
    if (n < min) throw invalid(`query.${name}`, `Number must be greater than or equal to ${min}`)
    if (n > max) throw invalid(`query.${name}`, `Number must be less than or equal to ${max}`)
    return Math.floor(n)
  }
  return {limit: num('limit', 10, 1, 100), offset: num('offset', 0, 0, Number.MAX_SAFE_INTEGER)}
}
