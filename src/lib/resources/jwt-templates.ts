/** JWT templates: /v1/jwt_templates (claims for tokens issued to other services, e.g. Hasura, Supabase). */
import type {Client} from '../http/client.js'
import {readValue} from '../config/resolve.js'
import {usageError} from '../util/errors.js'
import {simpleColumns} from './rows.js'
import {type Row} from '../http/client.js'
import {listAll} from '../http/pagers.js'

export const templateColumns = (format: string) => ({
  ...simpleColumns(format, [
    ['id', 'ID'],
    ['name', 'NAME'],
    ['lifetime', 'LIFETIME (s)'],
    ['clock_skew', 'CLOCK SKEW (s)', 'allowed_clock_skew'],
    ['algorithm', 'ALGORITHM', 'signing_algorithm'],
    ['custom_key', 'CUSTOM KEY', 'custom_signing_key'],
    ['created', 'CREATED', 'created_at'],
    ['updated', 'UPDATED', 'updated_at'],
  ]),
  claims: {header: 'CLAIMS', get: (r: Row) => r.claims},
})
export const TEMPLATE_LIST_DEFAULTS = ['id', 'name', 'lifetime', 'algorithm', 'updated']
export const TEMPLATE_DEFAULTS = [
  'id',
  'name',
  'claims',
  'lifetime',
  'clock_skew',
  'algorithm',
  'custom_key',
  'created',
  'updated',
]

export interface TemplateFields {
  name?: string
  /** JSON text or @file */
  claims?: string
  lifetime?: number
  allowed_clock_skew?: number
  signing_algorithm?: string
  /** PEM text or @file; implies custom_signing_key */
  signing_key?: string
}

/** Flag values -> a BAPI body (claims parsed; a signing key turns on custom_signing_key). */
export function templateBody(f: TemplateFields): Row {
  const body: Row = {}
  if (f.name !== undefined) body.name = f.name
  if (f.claims !== undefined) {
    const text = readValue(f.claims) ?? ''
    try {
      body.claims = JSON.parse(text)
    } catch (error) {
      throw usageError(
        `--claims is not JSON: ${(error as Error).message}`,
        'e.g. --claims \'{"role":"{{user.public_metadata.role}}"}\' or --claims @claims.json',
      )
    }
    if (!body.claims || typeof body.claims !== 'object' || Array.isArray(body.claims))
      throw usageError('--claims must be a JSON object')
  }
  if (f.lifetime !== undefined) body.lifetime = f.lifetime
  if (f.allowed_clock_skew !== undefined) body.allowed_clock_skew = f.allowed_clock_skew
  if (f.signing_algorithm !== undefined) body.signing_algorithm = f.signing_algorithm
  if (f.signing_key !== undefined) {
    body.signing_key = readValue(f.signing_key)
    body.custom_signing_key = true
  }
  return body
}

export const listTemplates = (client: Client, opts: {limit?: number} = {}) =>
  listAll(client, '/jwt_templates', {}, opts)
export const getTemplate = (client: Client, id: string) =>
  client.request<Row>('GET', `/jwt_templates/${encodeURIComponent(id)}`)
export const createTemplate = (client: Client, body: Row) => client.request<Row>('POST', '/jwt_templates', {body})
export const deleteTemplate = (client: Client, id: string) =>
  client.request<Row>('DELETE', `/jwt_templates/${encodeURIComponent(id)}`)

/** BAPI's PATCH needs name and claims every time: unchanged ones are taken from the current template. */
export async function updateTemplate(client: Client, id: string, changes: Row): Promise<Row> {
  if (Object.keys(changes).length === 0)
    throw usageError(
      'nothing to update',
      'give at least one of --name, --claims, --lifetime, --clock-skew, --signing-algorithm, --signing-key',
    )
  const current = await getTemplate(client, id)
  return client.request<Row>('PATCH', `/jwt_templates/${encodeURIComponent(id)}`, {
    body: {name: current.name, claims: current.claims, ...changes},
  })
}
