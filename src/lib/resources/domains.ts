/** The instance's domains: /v1/domains (the primary and satellites). */
import type {Client, Row} from '../http/client.js'
import {listAll} from '../http/pagers.js'
import {usageError} from '../util/errors.js'
import {simpleColumns} from './rows.js'

export const domainColumns = (format: string) =>
  simpleColumns(format, [
    ['id', 'ID'],
    ['name', 'NAME'],
    ['satellite', 'SATELLITE', 'is_satellite'],
    ['frontend_api', 'FRONTEND API', 'frontend_api_url'],
    ['accounts_portal', 'ACCOUNTS PORTAL', 'accounts_portal_url'],
    ['proxy_url', 'PROXY URL'],
    ['development_origin', 'DEV ORIGIN'],
  ])
export const listDomains = (client: Client) => listAll(client, '/domains')

export const DOMAIN_DEFAULTS = ['id', 'name', 'satellite', 'frontend_api']

/** POST /v1/domains: a satellite domain (Clerk accepts no second primary, so is_satellite is always true). */
export const addDomain = (client: Client, name: string, proxyUrl?: string) =>
  client.request<Row>('POST', '/domains', {
    body: {name, is_satellite: true, ...(proxyUrl ? {proxy_url: proxyUrl} : {})},
  })

export function updateDomain(client: Client, id: string, body: Row): Promise<Row> {
  if (Object.keys(body).length === 0)
    throw usageError('nothing to update', 'give --name, --proxy-url, --no-proxy-url or --secondary/--no-secondary')
  return client.request<Row>('PATCH', `/domains/${encodeURIComponent(id)}`, {body})
}

export const removeDomain = (client: Client, id: string) =>
  client.request<Row>('DELETE', `/domains/${encodeURIComponent(id)}`)
