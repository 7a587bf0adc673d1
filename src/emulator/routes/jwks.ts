/** GET /v1/jwks: the instance's public signing key (requires the secret key, like BAPI; not rate limited). */
import {ok, type Router} from '../router.js'
import {jwkFor, signingKeyFrom} from '../tokens.js'

export function registerJwks(r: Router): void {
  r.get('/v1/jwks', ({store}) => ok({keys: store.signingKey ? [jwkFor(signingKeyFrom(store.signingKey))] : []}))
}
