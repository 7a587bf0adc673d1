/**
 * Machine-token verification, served like BAPI at the root (no /v1), as @clerk/backend calls them:
 *   POST /api_keys/verify                        {secret}        -> the API key object
 *   POST /m2m_tokens/verify                      {token}         -> the M2M token object
 *   POST /oauth_applications/access_tokens/verify {access_token} -> the OAuth access token object
 * Tokens come from POST /__emulator/tokens. Unknown, revoked or expired tokens answer 404 (the SDK then
 * reports the token as invalid), a missing field 422 form_param_missing. The stored `secret` is never served.
 */
import {paramMissing, raise} from '../errors.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {JsonObject} from '../store.js'
import {MACHINE_COLLECTIONS, type MachineTokenType} from '../tokens.js'

const NOT_FOUND: Record<MachineTokenType, string> = {
  api_key: 'API key not found',
  m2m_token: 'Machine token not found',
  oauth_token: 'OAuth access token not found',
}

function verify(type: MachineTokenType, ...fields: string[]) {
  return ({body, store}: RequestContext) => {
    const secret = fields.map((f) => body[f]).find((v) => v !== undefined)
    if (typeof secret !== 'string' || secret === '') {
      throw paramMissing(fields[0])
    }
    const found = store
      .collection(MACHINE_COLLECTIONS[type])
      .values()
      .find((t) => t.secret === secret)
    const now = Date.now()
    const expired = found && typeof found.expiration === 'number' && found.expiration <= now
    if (!found || found.revoked || expired) {
      throw raise('MachineTokenNotFound', {what: NOT_FOUND[type].replace(/ not found$/, '')})
    }
    const shown = served(found, now)
    if (type !== 'oauth_token') shown.last_used_at = now
    return ok(shown)
  }
}

/** A stored machine token as BAPI serves it: without its secret, `expired` as of now. */
export function served(t: JsonObject, now = Date.now()): JsonObject {
  const {secret: _secret, ...rest} = t
  return {...rest, expired: typeof t.expiration === 'number' && t.expiration <= now}
}

export function registerMachineTokens(r: Router): void {
  r.post('/api_keys/verify', verify('api_key', 'secret'))
  r.post('/m2m_tokens/verify', verify('m2m_token', 'token'))
  r.post('/oauth_applications/access_tokens/verify', verify('oauth_token', 'access_token', 'secret'))
}
