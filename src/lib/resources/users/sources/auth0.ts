/**
 * Auth0: the bulk user export (Management API export job or the dashboard extension: NDJSON or CSV, fields
 * `user_id`, `email`, `email_verified`, `given_name`, `family_name`, `name`, `username`, `phone_number`,
 * `phone_verified`, `user_metadata`, `app_metadata`, `created_at`, `blocked`), joined with the
 * password-hash export Auth0 support sends (`--passwords FILE`: NDJSON lines
 * `{"_id": {"$oid": "…"}, "email": "…", "passwordHash": "$2b$10$…", "alt_id"?: "…", "connection": "…"}`;
 * the user's id is `auth0|<alt_id or _id.$oid>`). Auth0 hashes with bcrypt.
 *
 * Metadata (as Clerk's migration tool maps it): user_metadata -> public, app_metadata -> private.
 */
import {BCRYPT, type MigrationSource, object, splitName, str, truthy} from './types.js'

/** The password-hash export -> `auth0|<id>` and `email:<address>` -> digest. */
export function auth0Passwords(text: string): Map<string, string> {
  const map = new Map<string, string>()
  let n = 0
  for (const line of text.split(/\r?\n/)) {
    n++
    if (!line.trim()) continue
    let rec: Record<string, unknown>
    try {
      rec = JSON.parse(line)
    } catch {
      throw new Error(`line ${n} is not JSON`)
    }
    const hash = str(rec.passwordHash)
    if (!hash) continue
    const oid = (rec._id as {$oid?: string} | undefined)?.$oid ?? str(rec._id)
    const id = str(rec.alt_id) ?? oid
    if (id) map.set(id.includes('|') ? id : `auth0|${id}`, hash)
    const email = str(rec.email)
    if (email) map.set(`email:${email.toLowerCase()}`, hash)
  }
  return map
}

export const auth0: MigrationSource = {
  name: 'auth0',
  describe: "Auth0's bulk user export (NDJSON or CSV), with --passwords for Auth0's password-hash export",
  metadata: {user_metadata: 'public', app_metadata: 'private'},
  map(r, options) {
    const id = str(r.user_id)
    if (!id) throw new Error('user_id is missing')
    const email = str(r.email)
    const phone = str(r.phone_number)
    const named = splitName(str(r.name))
    const user: ReturnType<MigrationSource['map']> = {
      id,
      emails: email ? [{address: email, verified: truthy(r.email_verified)}] : [],
      phones: phone ? [{number: phone, verified: truthy(r.phone_verified)}] : [],
      username: str(r.username),
      firstName: str(r.given_name) ?? (str(r.family_name) ? undefined : named.firstName),
      lastName: str(r.family_name) ?? (str(r.given_name) ? undefined : named.lastName),
      createdAt: str(r.created_at),
      banned: truthy(r.blocked) || undefined,
      metadata: {},
    }
    for (const field of ['user_metadata', 'app_metadata']) {
      const m = object(r[field], field)
      if (m) user.metadata[field] = m
    }
    const hash =
      options.passwords?.get(id) ?? (email ? options.passwords?.get(`email:${email.toLowerCase()}`) : undefined)
    if (hash) {
      if (BCRYPT.test(hash)) user.password = {digest: hash, hasher: 'bcrypt'}
      else user.passwordDropped = 'the password-hash export has a digest that is not bcrypt'
    }
    return user
  },
}
