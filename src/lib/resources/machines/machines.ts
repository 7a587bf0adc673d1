/**
 * Machines (machine-to-machine identities): /v1/machines, their secret keys and scopes. A machine's secret
 * key (`ak_…`) is printed once by `machines create` and `machines rotate-secret`, and otherwise only read
 * by the CLI itself, to mint M2M tokens as that machine (./m2m-tokens.ts).
 */
import type {Client, Row} from '../../http/client.js'
import {listAll} from '../../http/pagers.js'
import {usageError} from '../../util/errors.js'
import {simpleColumns} from '../rows.js'

const enc = encodeURIComponent

export const machineColumns = (format: string) => ({
  ...simpleColumns(format, [
    ['id', 'ID'],
    ['name', 'NAME'],
    ['default_token_ttl', 'TOKEN TTL (S)'],
    ['secret_key', 'SECRET KEY'],
    ['created', 'CREATED', 'created_at'],
    ['updated', 'UPDATED', 'updated_at'],
  ]),
  scoped_machines: {
    header: 'SCOPED MACHINES',
    get: (r: Row) => ((r.scoped_machines ?? []) as Row[]).map((m) => m.id).join(' '),
  },
})
export const MACHINE_LIST_DEFAULTS = ['id', 'name', 'default_token_ttl', 'scoped_machines', 'created']
export const MACHINE_DEFAULTS = ['id', 'name', 'default_token_ttl', 'scoped_machines', 'created', 'updated']
/** `machines create`: the one time the secret key is shown */
export const MACHINE_CREATED_DEFAULTS = ['id', 'name', 'default_token_ttl', 'scoped_machines', 'secret_key']

export const scopeColumns = (format: string) =>
  simpleColumns(format, [
    ['from_machine_id', 'FROM'],
    ['to_machine_id', 'TO'],
    ['created', 'CREATED', 'created_at'],
    ['deleted', 'DELETED'],
  ])

export interface MachineFilter {
  query?: string
  orderBy?: string
  limit?: number
}

export const listMachines = (client: Client, f: MachineFilter = {}) =>
  listAll(client, '/machines', {query: f.query, order_by: f.orderBy}, {limit: f.limit})
export const getMachine = (client: Client, id: string) => client.request<Row>('GET', `/machines/${enc(id)}`)

export function createMachine(
  client: Client,
  o: {name: string; scopedMachines?: string[]; defaultTokenTtl?: number},
): Promise<Row> {
  const body: Row = {name: o.name}
  if (o.scopedMachines?.length) body.scoped_machines = o.scopedMachines
  if (o.defaultTokenTtl !== undefined) body.default_token_ttl = o.defaultTokenTtl
  return client.request<Row>('POST', '/machines', {body})
}

export function updateMachine(client: Client, id: string, o: {name?: string; defaultTokenTtl?: number}) {
  const body: Row = {}
  if (o.name !== undefined) body.name = o.name
  if (o.defaultTokenTtl !== undefined) body.default_token_ttl = o.defaultTokenTtl
  if (Object.keys(body).length === 0) throw usageError('nothing to update', 'give --name or --token-ttl')
  return client.request<Row>('PATCH', `/machines/${enc(id)}`, {body})
}

export const deleteMachine = (client: Client, id: string) => client.request<Row>('DELETE', `/machines/${enc(id)}`)

/** The machine's current secret key (GET …/secret_key), for the CLI's own use: never printed. */
export async function machineSecretKey(client: Client, id: string): Promise<string> {
  return (await client.request<Row>('GET', `/machines/${enc(id)}/secret_key`)).secret
}

/** A new secret key; the old one keeps working for `graceSeconds` (0: it stops at once). */
export const rotateMachineSecret = (client: Client, id: string, graceSeconds: number) =>
  client.request<Row>('POST', `/machines/${enc(id)}/secret_key/rotate`, {body: {previous_token_ttl: graceSeconds}})

/** Let machine `id` reach machine `to` (its M2M tokens carry `to` in their scopes), or stop it. */
export const addMachineScope = (client: Client, id: string, to: string) =>
  client.request<Row>('POST', `/machines/${enc(id)}/scopes`, {body: {to_machine_id: to}})
export const removeMachineScope = (client: Client, id: string, to: string) =>
  client.request<Row>('DELETE', `/machines/${enc(id)}/scopes/${enc(to)}`)
