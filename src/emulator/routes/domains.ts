/** /v1/domains: the instance's domains; the emulator has one primary development domain. */
import {newId} from '../ids.js'
import {ok, type Router} from '../router.js'
import type {Store} from '../store.js'

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
  return c.values()
}

export function registerDomains(r: Router): void {
  r.get('/v1/domains', ({store}) => {
    const data = domains(store)
    return ok({data, total_count: data.length})
  })
}
