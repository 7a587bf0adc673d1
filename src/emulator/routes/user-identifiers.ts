/**
 * A user's email addresses and phone numbers as resources of their own: /v1/email_addresses and
 * /v1/phone_numbers (create for a user, get, update verified/primary, delete). They live inside the User
 * object (its email_addresses / phone_numbers), so every change re-files the user in the unique indexes.
 */
import {notFound, paramMissing, raise} from '../errors.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {checkEmail, checkParams, checkPhone, checkUnique} from '../requests/params.js'
import {deleted} from '../requests/replies.js'
import {emailObject, phoneObject} from '../users/model.js'

interface Kind {
  path: string
  list: 'email_addresses' | 'phone_numbers'
  field: 'email_address' | 'phone_number'
  primary: 'primary_email_address_id' | 'primary_phone_number_id'
  index: 'email' | 'phone'
  object: (value: string, verified: boolean, now: number) => Json
  check: (value: string) => void
  extra: Record<string, 'boolean'>
}

const KINDS: Kind[] = [
  {
    path: 'email_addresses',
    list: 'email_addresses',
    field: 'email_address',
    primary: 'primary_email_address_id',
    index: 'email',
    object: (v, verified, now) => unverified(emailObject(v, 'verified', now), verified, 'email_code'),
    check: (v) => checkEmail(v),
    extra: {notify_primary_email_address_changed: 'boolean'},
  },
  {
    path: 'phone_numbers',
    list: 'phone_numbers',
    field: 'phone_number',
    primary: 'primary_phone_number_id',
    index: 'phone',
    object: (v, verified, now) => unverified(phoneObject(v, 'verified', now), verified, 'phone_code'),
    check: (v) => checkPhone(v),
    extra: {reserved_for_second_factor: 'boolean'},
  },
]

/** An identification that still needs verifying carries an unverified OTP verification, as BAPI shows it. */
function unverified(obj: Json, verified: boolean, strategy: string): Json {
  if (verified) return obj
  return {
    ...obj,
    verification: {object: 'verification_otp', status: 'unverified', strategy, attempts: 0, expire_at: null},
  }
}

const isVerified = (x: Json) => x.verification?.status === 'verified'

/** The user holding identification `id`, and the identification. */
function owner(store: Store, kind: Kind, id: string): {user: JsonObject; item: Json} {
  for (const user of store.users.values()) {
    const item = (user[kind.list] as Json[]).find((x) => x.id === id)
    if (item) return {user, item}
  }
  throw notFound()
}

function register(r: Router, kind: Kind): void {
  const base = `/v1/${kind.path}`
  const param = `${kind.field}_id`
  r.post(base, ({store, body}: RequestContext) => {
    checkParams(body, {
      user_id: 'string?',
      [kind.field]: 'string?',
      verified: 'boolean',
      primary: 'boolean',
      ...kind.extra,
    })
    if (!body.user_id) throw paramMissing('user_id')
    const value = body[kind.field]
    if (typeof value !== 'string' || !value) throw paramMissing(kind.field)
    kind.check(value)
    const user = store.users.get(body.user_id)
    if (!user) throw notFound()
    checkUnique(store.users, kind.index, kind.index === 'email' ? value.toLowerCase() : value, kind.field)
    const now = Date.now()
    const item = kind.object(value, Boolean(body.verified), now)
    if (kind.field === 'phone_number' && body.reserved_for_second_factor) item.reserved_for_second_factor = true
    const next: JsonObject = {...user, [kind.list]: [...(user[kind.list] as Json[]), item], updated_at: now}
    if (body.primary || !user[kind.primary]) next[kind.primary] = item.id
    store.users.set(next)
    return ok(item)
  })
  r.get(`${base}/:${param}`, ({store, params}) => ok(owner(store, kind, params[param]).item))
  r.patch(`${base}/:${param}`, ({store, params, body}) => {
    checkParams(body, {verified: 'boolean', primary: 'boolean', ...kind.extra})
    const {user, item} = owner(store, kind, params[param])
    const now = Date.now()
    let next: Json = {...item, updated_at: now}
    if (body.verified === true && !isVerified(item))
      next = {...kind.object(item[kind.field], true, item.created_at), id: item.id, updated_at: now}
    if (body.verified === false)
      next = {...unverified(next, false, kind.index === 'email' ? 'email_code' : 'phone_code')}
    if (kind.field === 'phone_number' && body.reserved_for_second_factor !== undefined)
      next.reserved_for_second_factor = body.reserved_for_second_factor
    const u: JsonObject = {
      ...user,
      [kind.list]: (user[kind.list] as Json[]).map((x) => (x.id === item.id ? next : x)),
      updated_at: now,
    }
    if (body.primary) u[kind.primary] = item.id
    store.users.set(u)
    return ok(next)
  })
  r.delete(`${base}/:${param}`, ({store, params}) => {
    const {user, item} = owner(store, kind, params[param])
    const rest = (user[kind.list] as Json[]).filter((x) => x.id !== item.id)
    if (user[kind.primary] === item.id && rest.length > 0)
      throw raise('PrimaryIdentificationDeletionNotAllowed', {kind: kind.field.replace('_', ' ')})
    const u: JsonObject = {...user, [kind.list]: rest, updated_at: Date.now()}
    if (user[kind.primary] === item.id) u[kind.primary] = null
    store.users.set(u)
    return ok(deleted(kind.field, item.id))
  })
}

export function registerUserIdentifiers(r: Router): void {
  for (const kind of KINDS) register(r, kind)
}
