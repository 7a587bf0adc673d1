/** /v1/allowlist_identifiers and /v1/blocklist_identifiers: list, add, delete. */
import {raise} from '../errors.js'
import {newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {JsonObject} from '../store.js'
import {checkParams} from '../requests/params.js'
import {listReply, newestFirst, parsePage, slice} from '../requests/lists.js'
import {deleted, find, instanceId} from '../requests/replies.js'
import {requireString} from '../requests/params.js'

const EMAIL = /^(\*|[^\s@]+)@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+[1-9]\d{6,14}$/
const WEB3 = /^0x[0-9a-fA-F]{40}$/

/** email_address (also `*@domain` on the allow-list), phone_number (E.164) or web3_wallet, else 422. */
export function identifierType(identifier: string): 'email_address' | 'phone_number' | 'web3_wallet' {
  if (EMAIL.test(identifier)) return 'email_address'
  if (PHONE.test(identifier)) return 'phone_number'
  if (WEB3.test(identifier)) return 'web3_wallet'
  throw raise('FormInvalidIdentifier', {param: 'identifier'}, {param_name: 'identifier'})
}

function register(r: Router, kind: 'allowlist' | 'blocklist', prefix: string): void {
  const name = `${kind}_identifiers`
  const object = `${kind}_identifier`
  r.get(`/v1/${name}`, ({store, query}) => {
    const rows = newestFirst(store.collection(name))
    // The allow-list answers a bare array; the block-list BAPI's {data, total_count} envelope.
    return ok(
      kind === 'allowlist'
        ? listReply(rows, query)
        : {data: slice(rows, parsePage(query, 500)), total_count: rows.length},
    )
  })
  r.post(`/v1/${name}`, ({store, body}: RequestContext) => {
    checkParams(body, kind === 'allowlist' ? {identifier: 'string?', notify: 'boolean'} : {identifier: 'string?'})
    const identifier = requireString(body, 'identifier').trim()
    const type = identifierType(identifier)
    const c = store.collection(name)
    const lower = identifier.toLowerCase()
    if (c.values().some((x) => String(x.identifier).toLowerCase() === lower))
      throw raise(kind === 'allowlist' ? 'DuplicateAllowlistIdentifier' : 'DuplicateBlocklistIdentifier', {identifier})
    const now = Date.now()
    const item: JsonObject = {
      object,
      id: newId(prefix),
      identifier,
      identifier_type: type,
      instance_id: instanceId(store),
      created_at: now,
      updated_at: now,
    }
    if (kind === 'allowlist' && body.notify && type !== 'web3_wallet') item.invitation_id = newId('inv')
    return ok(c.set(item))
  })
  r.delete(`/v1/${name}/:identifier_id`, ({store, params}) => {
    const item = find(store.collection(name), params.identifier_id)
    store.collection(name).delete(item.id)
    return ok(deleted(object, item.id))
  })
}

export function registerIdentifiers(r: Router): void {
  register(r, 'allowlist', 'alid')
  register(r, 'blocklist', 'blid')
}
