/** Pieces of the routes' answers: an object by id (or its 404), a DeletedObject, the instance id, random tokens. */
import {type ErrorName, notFound} from '../errors.js'
import {base62} from '../ids.js'
import type {Collection, JsonObject, Store} from '../store.js'

/** The 404 Clerk documents for each collection (the generic one for the rest), and its placeholder. */
const NOT_FOUND: Record<string, [ErrorName, string]> = {
  users: ['UserNotFound', 'userID'],
  sessions: ['SessionNotFound', 'sessionID'],
  invitations: ['InvitationNotFound', 'invitationID'],
  organization_invitations: ['InvitationNotFound', 'invitationID'],
  allowlist_identifiers: ['AllowlistIdentifierNotFound', 'identifierID'],
  blocklist_identifiers: ['BlocklistIdentifierNotFound', 'identifierID'],
  jwt_templates: ['JWTTemplateNotFound', 'val'],
  redirect_urls: ['RedirectURLNotFound', 'val'],
}

/** The 404 for `id` in collection `name`. */
export function notFoundIn(name: string, id: string) {
  const [entry, key] = NOT_FOUND[name] ?? ['ResourceNotFound', 'id']
  return notFound(entry, {[key]: id, attribute: 'id'})
}

export function find(c: Collection<JsonObject>, id: string): JsonObject {
  const obj = c.get(id)
  if (!obj) throw notFoundIn(c.name, id)
  return obj
}

export const deleted = (object: string, id: string) => ({object, id, deleted: true})

/** The emulated instance's id (stable per store: derived once and kept in the `instance` collection). */
export function instanceId(store: Store): string {
  const c = store.collection('instance')
  const existing = c.values()[0]
  if (existing) return existing.id
  return c.set({id: `ins_${base62(27)}`}).id
}

export const randomToken = (n = 48) => base62(n)
