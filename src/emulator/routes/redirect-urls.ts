/** /v1/redirect_urls: list, get, create, delete (allow-listed redirect URLs for native and mobile flows). */
import {formatInvalid, identifierExists} from '../errors.js'
import {newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import {checkParams} from '../requests/params.js'
import {listReply, newestFirst} from '../requests/lists.js'
import {deleted, find} from '../requests/replies.js'
import {requireString} from '../requests/params.js'

/** A URL with a scheme: https://app.example.com/callback, myapp://oauth-callback */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i

export function registerRedirectUrls(r: Router): void {
  const c = (ctx: RequestContext) => ctx.store.collection('redirect_urls')
  r.get('/v1/redirect_urls', (ctx) => ok(listReply(newestFirst(c(ctx)), ctx.query)))
  r.get('/v1/redirect_urls/:id', (ctx) => ok(find(c(ctx), ctx.params.id)))
  r.post('/v1/redirect_urls', (ctx) => {
    checkParams(ctx.body, {url: 'string?'})
    const url = requireString(ctx.body, 'url').trim()
    if (!URL_LIKE.test(url))
      throw formatInvalid(
        'url',
        'url must be a valid URL with a scheme, e.g. https://example.com/callback or myapp://callback.',
      )
    if (
      c(ctx)
        .values()
        .some((x) => x.url === url)
    )
      throw identifierExists('url')
    const now = Date.now()
    return ok(c(ctx).set({object: 'redirect_url', id: newId('ru'), url, created_at: now, updated_at: now}))
  })
  r.delete('/v1/redirect_urls/:id', (ctx) => {
    const item = find(c(ctx), ctx.params.id)
    c(ctx).delete(item.id)
    return ok(deleted('redirect_url', item.id))
  })
}
