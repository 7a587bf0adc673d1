/** /v1/jwt_templates: list, get, create, update (PATCH with name and claims), delete. */
import {identifierExists, paramMissing, raise, typeInvalid, valueInvalid} from '../errors.js'
import {newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject} from '../store.js'
import {isPlainObject} from '../json.js'
import {checkParams} from '../requests/params.js'
import {listReply, newestFirst} from '../requests/lists.js'
import {deleted, find} from '../requests/replies.js'
import {requireString} from '../requests/params.js'

const PARAMS = {
  name: 'string?',
  claims: 'object',
  lifetime: 'integer',
  allowed_clock_skew: 'integer',
  custom_signing_key: 'boolean',
  signing_algorithm: 'string?',
  signing_key: 'string?',
} as const
const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'EdDSA'])

function fields(body: Json, old?: JsonObject): Json {
  checkParams(body, PARAMS)
  const name = requireString(body, 'name')
  if (body.claims === undefined) throw paramMissing('claims')
  if (!isPlainObject(body.claims)) throw typeInvalid('claims', 'object')
  const lifetime = body.lifetime ?? old?.lifetime ?? 60
  if (lifetime < 30 || lifetime > 315_360_000)
    throw valueInvalid('lifetime', 'lifetime must be between 30 and 315360000 seconds.')
  const skew = body.allowed_clock_skew ?? old?.allowed_clock_skew ?? 5
  if (skew < 0 || skew > 300)
    throw valueInvalid('allowed_clock_skew', 'allowed_clock_skew must be between 0 and 300 seconds.')
  const custom = body.custom_signing_key ?? old?.custom_signing_key ?? false
  const algorithm = custom ? (body.signing_algorithm ?? old?.signing_algorithm ?? 'RS256') : 'RS256'
  if (!ALGORITHMS.has(algorithm))
    throw valueInvalid('signing_algorithm', `signing_algorithm must be one of ${[...ALGORITHMS].join(', ')}.`)
  if (custom && !body.signing_key && !old?.custom_signing_key)
    throw raise(
      'FormMissingConditionalParameter',
      {param: 'signing_key', leftCondition: 'custom_signing_key', rightCondition: 'true'},
      {param_name: 'signing_key'},
    )
  return {
    name,
    claims: body.claims,
    lifetime,
    allowed_clock_skew: skew,
    custom_signing_key: custom,
    signing_algorithm: algorithm,
  }
}

function checkName(all: JsonObject[], name: string, selfId?: string): void {
  if (all.some((t) => t.name === name && t.id !== selfId)) throw identifierExists('name')
}

export function registerJwtTemplates(r: Router): void {
  const c = (ctx: RequestContext) => ctx.store.collection('jwt_templates')
  r.get('/v1/jwt_templates', (ctx) => ok(listReply(newestFirst(c(ctx)), ctx.query)))
  r.get('/v1/jwt_templates/:template_id', (ctx) => ok(find(c(ctx), ctx.params.template_id)))
  r.post('/v1/jwt_templates', (ctx) => {
    const f = fields(ctx.body)
    checkName(c(ctx).values(), f.name)
    const now = Date.now()
    return ok(
      c(ctx).set({object: 'jwt_template', id: newId('jtmp'), ...f, created_at: now, updated_at: now} as JsonObject),
    )
  })
  r.patch('/v1/jwt_templates/:template_id', (ctx) => {
    const old = find(c(ctx), ctx.params.template_id)
    const f = fields(ctx.body, old)
    checkName(c(ctx).values(), f.name, old.id)
    return ok(c(ctx).set({...old, ...f, updated_at: Date.now()}))
  })
  r.delete('/v1/jwt_templates/:template_id', (ctx) => {
    const t = find(c(ctx), ctx.params.template_id)
    c(ctx).delete(t.id)
    return ok(deleted('jwt_template', t.id))
  })
}
