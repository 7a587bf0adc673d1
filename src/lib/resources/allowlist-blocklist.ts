/** Allow-list and block-list identifiers: /v1/allowlist_identifiers, /v1/blocklist_identifiers. */
import type {Client} from '../http/client.js'
import {usageError} from '../util/errors.js'
import {simpleColumns} from './rows.js'
import {type Row} from '../http/client.js'
import {listAll} from '../http/pagers.js'
import {idPattern} from '../util/ids.js'

export type ListKind = 'allowlist' | 'blocklist'

export const identifierColumns = (format: string) =>
  simpleColumns(format, [
    ['id', 'ID'],
    ['identifier', 'IDENTIFIER'],
    ['type', 'TYPE', 'identifier_type'],
    ['invitation_id', 'INVITATION'],
    ['created', 'CREATED', 'created_at'],
  ])
export const IDENTIFIER_DEFAULTS = ['id', 'identifier', 'type', 'created']

const path = (kind: ListKind) => `/${kind}_identifiers`

export const listIdentifiers = (client: Client, kind: ListKind, opts: {limit?: number} = {}) =>
  listAll(client, path(kind), {}, opts)

export function addIdentifier(client: Client, kind: ListKind, identifier: string, notify?: boolean): Promise<Row> {
  const body: Row = {identifier}
  if (kind === 'allowlist' && notify !== undefined) body.notify = notify
  return client.request<Row>('POST', path(kind), {body})
}

/** An id (alid_/blid_) is used as is; anything else is looked up as the identifier itself (any case). */
export async function resolveIdentifier(client: Client, kind: ListKind, idOrIdentifier: string): Promise<string> {
  if (idPattern(kind === 'allowlist' ? 'alid' : 'blid').test(idOrIdentifier)) return idOrIdentifier
  const want = idOrIdentifier.toLowerCase()
  for await (const item of listIdentifiers(client, kind))
    if (String(item.identifier).toLowerCase() === want) return item.id
  throw usageError(`${idOrIdentifier} is not on the ${kind}`)
}

export const removeIdentifier = (client: Client, kind: ListKind, id: string) =>
  client.request<Row>('DELETE', `${path(kind)}/${encodeURIComponent(id)}`)
