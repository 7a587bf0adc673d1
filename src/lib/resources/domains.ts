/** The instance's domains: /v1/domains. */
import type {Client} from '../http/client.js'
import {listAll} from '../http/pagers.js'
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
