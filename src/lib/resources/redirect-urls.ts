/** Allowed redirect URLs: /v1/redirect_urls. */
import type {Client, Row} from '../http/client.js'
import {listAll} from '../http/pagers.js'
import {simpleColumns} from './rows.js'

const enc = encodeURIComponent

export const redirectColumns = (format: string) =>
  simpleColumns(format, [
    ['id', 'ID'],
    ['url', 'URL'],
    ['created', 'CREATED', 'created_at'],
  ])
export const listRedirectUrls = (client: Client, opts: {limit?: number} = {}) =>
  listAll(client, '/redirect_urls', {}, opts)
export const createRedirectUrl = (client: Client, url: string) =>
  client.request<Row>('POST', '/redirect_urls', {body: {url}})
export const deleteRedirectUrl = (client: Client, id: string) =>
  client.request<Row>('DELETE', `/redirect_urls/${enc(id)}`)
