/** /v1/users: list, count, get, create, update, delete, ban/unban/lock/unlock (one and bulk), and the metadata merge/replace routes. */
import {
  notFound,
  paramMissing,
  paramUnknown,
  passwordIncorrect,
  passwordNotSet,
  userQuotaExceeded,
  valueInvalid,
} from '../errors.js'
import {forgetPassword, setPassword, storedPassword, verifyPassword} from '../users/passwords.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {deepMerge} from '../json.js'
import {buildUser, emailObject, phoneObject, web3Object} from '../users/model.js'
import {endUserSessions} from './sessions.js'
import {pageOf, parseOrder, parsePage, sortedUsers, userFilter} from '../users/query.js'
import {
  CREATE_PARAMS,
  METADATA_PARAMS,
  UPDATE_PARAMS,
  checkEmail,
  checkNoRepeats,
  checkParams,
  checkPassword,
  checkPhone,
  checkUnique,
  checkUsername,
  parseStatuses,
  parseTimestamp,
} from '../requests/params.js'

export function registerUsers(r: Router): void {
  r.get('/v1/users', listUsers)
  r.get('/v1/users/count', countUsers)
  r.post('/v1/users', createUser)
  r.get('/v1/users/:user_id', ({store, params}) => ok(findUser(store.users.get(params.user_id), params.user_id)))
  r.patch('/v1/users/:user_id', updateUser)
  r.delete('/v1/users/:user_id', ({store, params}) => {
    const user = findUser(store.users.get(params.user_id), params.user_id)
    store.users.delete(user.id)
    deleteUserCascade(store, user.id)
    forgetPassword(store, user.id)
    return ok({object: 'user', id: user.id, deleted: true})
  })
  r.patch('/v1/users/:user_id/metadata', (ctx) => metadata(ctx, 'merge'))
  r.put('/v1/users/:user_id/metadata', (ctx) => metadata(ctx, 'replace'))
  r.post('/v1/users/:user_id/ban', ({store, params}) => ok(setState(store, params.user_id, 'ban')))
  r.post('/v1/users/:user_id/unban', ({store, params}) => ok(setState(store, params.user_id, 'unban')))
  r.post('/v1/users/:user_id/lock', ({store, params}) => ok(setState(store, params.user_id, 'lock')))
  r.post('/v1/users/:user_id/unlock', ({store, params}) => ok(setState(store, params.user_id, 'unlock')))
  r.post('/v1/users/:user_id/verify_password', checkPassword_)
  r.post('/v1/users/ban', (ctx) => bulkState(ctx, 'ban'))
  r.post('/v1/users/unban', (ctx) => bulkState(ctx, 'unban'))
}

/** Lockout length the emulator's instance is configured with (Clerk's default: 1 hour). */
const LOCKOUT_SECONDS = 3600

/** Ban (revoking the user's sessions, as BAPI does), unban, lock or unlock one user. */
function setState(store: Store, id: string, action: 'ban' | 'unban' | 'lock' | 'unlock'): JsonObject {
  const u: Json = {...findUser(store.users.get(id), id)}
  if (action === 'ban' || action === 'unban') u.banned = action === 'ban'
  if (action === 'ban') endUserSessions(store, u.id, 'revoked')
  if (action === 'lock')
    Object.assign(u, {locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 0})
  if (action === 'unlock')
    Object.assign(u, {locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 100})
  u.updated_at = Date.now()
  return store.users.set(u as JsonObject)
}

/** POST /v1/users/ban|unban: {user_ids: [1..50]} -> the users (every id must exist). */
function bulkState({store, body}: RequestContext, action: 'ban' | 'unban') {
  for (const k of Object.keys(body)) if (k !== 'user_ids') throw paramUnknown(k)
  const ids = body.user_ids
  if (!Array.isArray(ids) || ids.length === 0) throw paramMissing('user_ids')
  if (ids.length > 50) throw valueInvalid('user_ids', 'user_ids accepts up to 50 user IDs.')
  if (!ids.every((id) => typeof id === 'string'))
    throw valueInvalid('user_ids', 'user_ids must be an array of strings.')
  ids.forEach((id: string) => findUser(store.users.get(id), id))
  return ok(ids.map((id: string) => setState(store, id, action)))
}

function findUser(user: JsonObject | undefined, id?: string): JsonObject {
  if (!user) throw notFound('UserNotFound', {userID: id})
  return user
}

/**
 * What goes with a deleted user at Clerk: their sessions end (`removed`), their organization memberships
 * go, and the pending organization invitations they sent are revoked; pending actor and sign-in tokens
 * for them are revoked too.
 */
function deleteUserCascade(store: Store, userId: string): void {
  endUserSessions(store, userId, 'removed')
  const memberships = store.collection('organization_memberships')
  for (const m of memberships.values()) if (m.user_id === userId) memberships.delete(m.id)
  const now = Date.now()
  const invs = store.collection('organization_invitations')
  for (const i of invs.values())
    if (i.inviter_id === userId && i.status === 'pending') invs.set({...i, status: 'revoked', updated_at: now})
  for (const name of ['actor_tokens', 'sign_in_tokens']) {
    const c = store.collection(name)
    for (const t of c.values())
      if (t.user_id === userId && t.status === 'pending') c.set({...t, status: 'revoked', updated_at: now})
  }
}

function listUsers({store, query}: RequestContext) {
  const order = parseOrder(query)
  const page = parsePage(query, order)
  const filter = userFilter(query, store.collection('organization_memberships').values())
  const rows = sortedUsers(store.users, order).filter(filter)
  return ok(pageOf(rows, page, store.users))
}

function countUsers({store, query}: RequestContext) {
  const filter = userFilter(query, store.collection('organization_memberships').values())
  let n = 0
  for (const u of store.users.values()) if (filter(u)) n++
  return ok({object: 'total_count', total_count: n})
}

const asList = (v: unknown): string[] => (v == null ? [] : Array.isArray(v) ? v : [String(v)])

function createUser({store, body}: RequestContext) {
  // A single string where an array is expected is accepted, as BAPI's form parsing does.
  for (const k of ['email_address', 'phone_number', 'web3_wallet']) if (typeof body[k] === 'string') body[k] = [body[k]]
  checkParams(body, CREATE_PARAMS)
  const emails = asList(body.email_address)
  const phones = asList(body.phone_number)
  const wallets = asList(body.web3_wallet)
  const username = body.username || null
  emails.forEach((e) => checkEmail(e))
  phones.forEach((p) => checkPhone(p))
  if (username) checkUsername(username)
  const emailStatus = parseStatuses(
    body.email_address_identification_status as string[],
    emails.length,
    'email_address_identification_status',
  )
  const phoneStatus = parseStatuses(
    body.phone_number_identification_status as string[],
    phones.length,
    'phone_number_identification_status',
  )
  if (!emails.length && !phones.length && !wallets.length && !username && !body.skip_user_requirement) {
    throw paramMissing('email_address')
  }
  checkPassword(body)
  const createdAt = parseTimestamp(body.created_at, 'created_at')
  const legalAcceptedAt = parseTimestamp(body.legal_accepted_at, 'legal_accepted_at')

  const users = store.users
  checkNoRepeats(
    emails.map((e) => e.toLowerCase()),
    'email_address',
  )
  checkNoRepeats(phones, 'phone_number')
  emails.forEach((e) => checkUnique(users, 'email', e.toLowerCase(), 'email_address'))
  phones.forEach((p) => checkUnique(users, 'phone', p, 'phone_number'))
  wallets.forEach((w) => checkUnique(users, 'web3', w.toLowerCase(), 'web3_wallet'))
  if (username) checkUnique(users, 'username', username.toLowerCase(), 'username')
  if (body.external_id) checkUnique(users, 'external_id', body.external_id, 'external_id')

  const cap = store.userCap
  if (cap && users.size >= cap.max) throw userQuotaExceeded(cap.max, cap.production)

  const now = Date.now()
  const user = buildUser(
    {
      emails: emails.map((e, i) => emailObject(e, emailStatus[i], now)),
      phones: phones.map((p, i) => phoneObject(p, phoneStatus[i], now)),
      wallets: wallets.map((w) => web3Object(w, now)),
      username,
      first_name: body.first_name,
      last_name: body.last_name,
      locale: body.locale,
      external_id: body.external_id || null,
      password_enabled: Boolean(body.password || body.password_digest),
      totp_enabled: Boolean(body.totp_secret),
      backup_code_enabled: asList(body.backup_codes).length > 0,
      public_metadata: body.public_metadata,
      private_metadata: body.private_metadata,
      unsafe_metadata: body.unsafe_metadata,
      created_at: createdAt,
      legal_accepted_at: legalAcceptedAt,
      banned: body.banned,
      locked: body.locked,
      delete_self_enabled: body.delete_self_enabled,
      create_organization_enabled: body.create_organization_enabled,
      create_organizations_limit: body.create_organizations_limit,
      bypass_client_trust: body.bypass_client_trust,
    },
    now,
  )
  users.set(user)
  setPassword(store, user.id, body)
  return ok(user)
}

/** POST /v1/users/{id}/verify_password: {password} -> {verified: true}; 422 when wrong, 400 when the user has none. */
async function checkPassword_({store, params, body}: RequestContext) {
  const user = findUser(store.users.get(params.user_id))
  checkParams(body, {password: 'string?'})
  if (typeof body.password !== 'string') throw paramMissing('password')
  const stored = storedPassword(store, user.id)
  if (!stored || !user.password_enabled) throw passwordNotSet()
  if (!(await verifyPassword(stored, body.password))) throw passwordIncorrect()
  return ok({verified: true})
}

function updateUser({store, params, body}: RequestContext) {
  const old = findUser(store.users.get(params.user_id), params.user_id)
  checkParams(body, UPDATE_PARAMS)
  checkPassword(body)
  const now = Date.now()
  const u: Json = {...old}
  const copy = [
    'first_name',
    'last_name',
    'locale',
    'delete_self_enabled',
    'create_organization_enabled',
    'create_organizations_limit',
    'bypass_client_trust',
  ]
  for (const k of copy) if (body[k] !== undefined) u[k] = body[k] ?? (typeof old[k] === 'boolean' ? old[k] : null)
  if ('username' in body) {
    const username = body.username || null
    if (username) {
      checkUsername(username)
      checkUnique(store.users, 'username', username.toLowerCase(), 'username', old.id)
    }
    u.username = username
  }
  if ('external_id' in body) {
    if (body.external_id) checkUnique(store.users, 'external_id', body.external_id, 'external_id', old.id)
    u.external_id = body.external_id || null
  }
  const primary = (param: string, list: string, label: string) => {
    const id = body[param]
    if (id == null) return
    const item = (old[list] as Json[]).find((x) => x.id === id)
    if (!item || item.verification?.status !== 'verified')
      throw valueInvalid(param, `${param} must be the id of a verified ${label} of this user.`)
    u[param] = id
  }
  primary('primary_email_address_id', 'email_addresses', 'email address')
  primary('primary_phone_number_id', 'phone_numbers', 'phone number')
  primary('primary_web3_wallet_id', 'web3_wallets', 'web3 wallet')
  if (body.password || body.password_digest) {
    u.password_enabled = true
    u.password_last_updated_at = now
  }
  if (body.totp_secret) u.totp_enabled = true
  if (asList(body.backup_codes).length) u.backup_code_enabled = true
  const mfa = u.totp_enabled || u.backup_code_enabled
  if (mfa && !old.two_factor_enabled) u.mfa_enabled_at = now
  u.two_factor_enabled = mfa
  const createdAt = parseTimestamp(body.created_at, 'created_at')
  if (createdAt !== undefined) u.created_at = createdAt
  const legal = parseTimestamp(body.legal_accepted_at, 'legal_accepted_at')
  if (legal !== undefined) u.legal_accepted_at = legal
  u.updated_at = now
  store.users.set(u as JsonObject)
  setPassword(store, old.id, body)
  return ok(u)
}

function metadata({store, params, body}: RequestContext, mode: 'merge' | 'replace') {
  const old = findUser(store.users.get(params.user_id), params.user_id)
  checkParams(body, METADATA_PARAMS)
  const u: Json = {...old}
  for (const k of Object.keys(METADATA_PARAMS)) {
    if (body[k] === undefined) continue
    u[k] = mode === 'merge' ? deepMerge(old[k] ?? {}, body[k] as Json) : body[k]
  }
  u.updated_at = Date.now()
  return ok(store.users.set(u as JsonObject))
}
