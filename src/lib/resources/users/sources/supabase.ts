/**
 * Supabase: rows of `auth.users` as CSV (the table editor's export, or `\copy auth.users to … csv header`)
 * or JSON/JSONL: `id`, `email`, `encrypted_password` (bcrypt), `email_confirmed_at`, `phone` (E.164
 * without the plus), `phone_confirmed_at`, `raw_user_meta_data`, `raw_app_meta_data`, `created_at`,
 * `banned_until`, `deleted_at`. Supabase hashes with bcrypt; argon2 digests (users imported into Supabase)
 * are carried as argon2id/argon2i. Names come from raw_user_meta_data (first_name/last_name, or
 * full_name/name/display_name split).
 *
 * Metadata (as Clerk's migration tool maps it): raw_user_meta_data -> public, raw_app_meta_data -> private.
 */
import {BCRYPT, e164, type MigrationSource, object, splitName, str} from './types.js'

export const supabase: MigrationSource = {
  name: 'supabase',
  describe: 'rows of Supabase auth.users (CSV or JSON): bcrypt encrypted_password, confirmation times, raw metadata',
  metadata: {raw_user_meta_data: 'public', raw_app_meta_data: 'private'},
  map(r) {
    const id = str(r.id)
    if (!id) throw new Error('id is missing')
    if (str(r.deleted_at)) throw new Error('the user was deleted in Supabase (deleted_at is set)')
    const email = str(r.email)
    const phone = str(r.phone)
    const meta = object(r.raw_user_meta_data, 'raw_user_meta_data')
    const appMeta = object(r.raw_app_meta_data, 'raw_app_meta_data')
    const named = splitName(str(meta?.full_name) ?? str(meta?.name) ?? str(meta?.display_name))
    const banned = str(r.banned_until)
    const user: ReturnType<MigrationSource['map']> = {
      id,
      emails: email ? [{address: email, verified: Boolean(str(r.email_confirmed_at))}] : [],
      phones: phone ? [{number: e164(phone), verified: Boolean(str(r.phone_confirmed_at))}] : [],
      firstName: str(meta?.first_name) ?? named.firstName,
      lastName: str(meta?.last_name) ?? (str(meta?.first_name) ? undefined : named.lastName),
      createdAt: str(r.created_at),
      banned: banned ? Date.parse(banned) > Date.now() : undefined,
      metadata: {},
    }
    if (meta) user.metadata.raw_user_meta_data = meta
    if (appMeta) user.metadata.raw_app_meta_data = appMeta
    const hash = str(r.encrypted_password)
    if (hash) {
      const argon = /^\$(argon2id|argon2i)\$/.exec(hash)
      if (BCRYPT.test(hash)) user.password = {digest: hash, hasher: 'bcrypt'}
      else if (argon) user.password = {digest: hash, hasher: argon[1]}
      else user.passwordDropped = 'encrypted_password is neither bcrypt nor argon2'
    }
    return user
  },
}
