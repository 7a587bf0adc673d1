/**
 * Clerk: the Dashboard's user export CSV (Users > Export; the only export that carries password digests and
 * TOTP secrets), for development -> production moves. Columns: `id`, `first_name`, `last_name`, `username`,
 * `primary_email_address`, `primary_phone_number`, `verified_email_addresses`, `unverified_email_addresses`,
 * `verified_phone_numbers`, `unverified_phone_numbers`, `totp_secret`, `password_digest`,
 * `password_hasher`; lists are separated by `;` (`|` and `,` are accepted too). Optional columns a
 * migration may add: `external_id`, `public_metadata`, `private_metadata`, `unsafe_metadata` (JSON),
 * `backup_codes`, `created_at`.
 *
 * Addresses keep their state: verified ones are created verified, unverified ones reserved. The old Clerk
 * user id becomes external_id (unless the row has its own), so it can be looked up and undone.
 */
import {type MigrationSource, object, str} from './types.js'

const items = (v: unknown) =>
  (str(v) ?? '')
    .split(/[;|,]/)
    .map((s) => s.trim())
    .filter(Boolean)

export const clerk: MigrationSource = {
  name: 'clerk',
  describe:
    "Clerk's Dashboard user export (CSV with password digests and TOTP secrets), e.g. development -> production",
  metadata: {public_metadata: 'public', private_metadata: 'private', unsafe_metadata: 'unsafe'},
  map(r) {
    const id = str(r.id)
    if (!id) throw new Error('id is missing')
    const ordered = (primary: unknown, verified: unknown, unverified: unknown) => {
      const ok = new Set(items(verified).map((x) => x.toLowerCase()))
      const all = [str(primary), ...items(verified), ...items(unverified)].filter((x): x is string => Boolean(x))
      const seen = new Set<string>()
      return all
        .filter((x) => !seen.has(x.toLowerCase()) && seen.add(x.toLowerCase()))
        .map((x) => ({value: x, verified: ok.has(x.toLowerCase())}))
    }
    const user: ReturnType<MigrationSource['map']> = {
      id,
      externalId: str(r.external_id),
      emails: ordered(r.primary_email_address, r.verified_email_addresses, r.unverified_email_addresses).map((e) => ({
        address: e.value,
        verified: e.verified,
      })),
      phones: ordered(r.primary_phone_number, r.verified_phone_numbers, r.unverified_phone_numbers).map((p) => ({
        number: p.value,
        verified: p.verified,
      })),
      username: str(r.username),
      firstName: str(r.first_name),
      lastName: str(r.last_name),
      createdAt: str(r.created_at),
      totpSecret: str(r.totp_secret),
      backupCodes: items(r.backup_codes),
      metadata: {},
    }
    for (const field of ['public_metadata', 'private_metadata', 'unsafe_metadata']) {
      const m = object(r[field], field)
      if (m) user.metadata[field] = m
    }
    const digest = str(r.password_digest)
    const hasher = str(r.password_hasher)
    if (digest && hasher) user.password = {digest, hasher}
    else if (digest) user.passwordDropped = 'password_digest without password_hasher'
    return user
  },
}
