/**
 * /v1/domains: the instance's domains. The emulator is a development instance with one primary domain;
 * satellites can be added (is_satellite must be true: 422 primary_domain_already_exists otherwise), updated
 * and deleted (the primary cannot be: 403). proxy_url applies to production instances only, so setting one
 * here is 400 domain_update_forbidden.
 */
import {formatInvalid, notFound, raise} from '../errors.js'
import {newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {checkParams, requireString} from '../requests/params.js'
import {deleted} from '../requests/replies.js'

const HOST = /^(localhost|([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})(:\d{1,5})?$/

function domains(store: Store) {
  const c = store.collection('domains')
  if (c.size === 0) {
    c.set({
      object: 'domain',
      id: newId('dmn'),
      name: 'emulator.clerk.localhost',
      is_satellite: false,
      frontend_api_url: 'https://clerk.emulator.clerk.localhost',
      accounts_portal_url: 'https://accounts.emulator.clerk.localhost',
      proxy_url: null,
      development_origin: 'http://localhost:3000',
      cname_targets: null,
    })
  }
  return c
}

function checkName(body: Json): string {
  const name = requireString(body, 'name').trim().toLowerCase()
  if (!HOST.test(name)) throw formatInvalid('name', `${name} is not a valid domain name (no scheme or path).`)
  return name
}

/** A satellite's URLs as a development instance has them (no Account Portal: null for satellites). */
const satelliteUrls = (name: string) => ({
  frontend_api_url: `https://clerk.${name.replace(/:\d+$/, '')}`,
  accounts_portal_url: null,
})

function add({store, body}: RequestContext) {
  checkParams(body, {name: 'string?', is_satellite: 'boolean', proxy_url: 'string?'})
  const name = checkName(body)
  if (body.is_satellite !== true) throw raise('PrimaryDomainAlreadyExists')
  if (body.proxy_url != null) throw raise('DomainUpdateForbidden')
  if (
    domains(store)
      .values()
      .some((d) => d.name === name)
  )
    throw formatInvalid('name', `${name} is already a domain of this instance.`)
  const d = domains(store).set({
    object: 'domain',
    id: newId('dmn'),
    name,
    is_satellite: true,
    ...satelliteUrls(name),
    proxy_url: null,
    development_origin: '',
    cname_targets: null,
  })
  return ok(d)
}

function update({store, params, body}: RequestContext) {
  checkParams(body, {name: 'string?', proxy_url: 'string?', is_secondary: 'boolean'})
  const d = domains(store).get(params.domain_id)
  if (!d) throw notFound()
  if (body.proxy_url != null) throw raise('DomainUpdateForbidden')
  const next: JsonObject = {...d}
  if (body.name != null) {
    next.name = checkName(body)
    if (d.is_satellite) Object.assign(next, satelliteUrls(next.name))
  }
  if (body.proxy_url === null) next.proxy_url = null // back to DNS
  // is_secondary is accepted, but the Domain object has no field that shows it
  return ok(domains(store).set(next))
}

export function registerDomains(r: Router): void {
  r.get('/v1/domains', ({store}) => {
    const data = domains(store).values()
    return ok({data, total_count: data.length})
  })
  r.post('/v1/domains', add)
  r.patch('/v1/domains/:domain_id', update)
  r.delete('/v1/domains/:domain_id', ({store, params}) => {
    const d = domains(store).get(params.domain_id)
    if (!d) throw notFound()
    if (!d.is_satellite) throw raise('OperationNotAllowedOnPrimaryDomain')
    domains(store).delete(d.id)
    return ok(deleted('domain', d.id))
  })
}
