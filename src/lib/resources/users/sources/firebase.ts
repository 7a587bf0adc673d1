/**
 * Firebase: `firebase auth:export users.json --format=json` (`{"users": [{localId, email, emailVerified,
 * passwordHash, salt, displayName, phoneNumber, createdAt, disabled, customAttributes, …}]}`) with the
 * project's password-hash parameters (console: Authentication > Users > ⋮ > Password hash parameters),
 * assembled into Clerk's `scrypt_firebase` digest: `hash$salt$signer_key$salt_separator$rounds$mem_cost`.
 * Firebase's JSON export has no phone verification flag: a phone number there is one the user signed in
 * with (phone auth), so it counts as verified.
 *
 * Metadata: customAttributes (the custom claims, JSON text) -> public (Clerk's session-token claims are
 * public metadata).
 */
import {type FirebaseHashConfig, type MigrationSource, object, splitName, str, truthy} from './types.js'

const B64 = /^[A-Za-z0-9+/_-]+={0,2}$/

/**
 * The hash parameters as the console shows them (`hash_config { algorithm: SCRYPT, base64_signer_key: …,
 * base64_salt_separator: …, rounds: 8, mem_cost: 14 }`) or as JSON with the same keys.
 */
export function parseHashConfig(text: string): FirebaseHashConfig {
  const values: Record<string, string> = {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  if (parsed && typeof parsed === 'object') {
    const o = (parsed as Record<string, unknown>).hash_config ?? parsed
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) values[k] = String(v)
  } else {
    for (const m of text.matchAll(/([A-Za-z0-9_]+)\s*[:=]\s*"?([^,\s"}]+)"?/g)) values[m[1]] = m[2]
  }
  if (values.algorithm && values.algorithm.toUpperCase() !== 'SCRYPT')
    throw new Error(`algorithm is ${values.algorithm}, not SCRYPT (Clerk's scrypt_firebase needs Firebase's scrypt)`)
  return checkHashConfig({
    base64_signer_key: values.base64_signer_key,
    base64_salt_separator: values.base64_salt_separator,
    rounds: Number(values.rounds),
    mem_cost: Number(values.mem_cost),
  })
}

export function checkHashConfig(c: Partial<Record<keyof FirebaseHashConfig, unknown>>): FirebaseHashConfig {
  const key = String(c.base64_signer_key ?? '')
  const sep = String(c.base64_salt_separator ?? '')
  if (!B64.test(key)) throw new Error('base64_signer_key is missing or not base64')
  if (!B64.test(sep)) throw new Error('base64_salt_separator is missing or not base64')
  const rounds = Number(c.rounds)
  const mem = Number(c.mem_cost)
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 8) throw new Error('rounds must be an integer from 1 to 8')
  if (!Number.isInteger(mem) || mem < 1 || mem > 14) throw new Error('mem_cost must be an integer from 1 to 14')
  return {base64_signer_key: key, base64_salt_separator: sep, rounds, mem_cost: mem}
}

export const firebase: MigrationSource = {
  name: 'firebase',
  describe:
    '`firebase auth:export --format=json`, with --hash-config (or --hash-key, --salt-separator, --rounds, --mem-cost)',
  format: 'json',
  metadata: {customAttributes: 'public'},
  map(r, options) {
    const id = str(r.localId)
    if (!id) throw new Error('localId is missing')
    const email = str(r.email)
    const phone = str(r.phoneNumber)
    const user: ReturnType<MigrationSource['map']> = {
      id,
      emails: email ? [{address: email, verified: truthy(r.emailVerified)}] : [],
      phones: phone ? [{number: phone, verified: true}] : [],
      ...splitName(str(r.displayName)),
      createdAt: str(r.createdAt) ? Number(r.createdAt) : undefined,
      banned: truthy(r.disabled) || undefined,
      metadata: {},
    }
    const claims = object(r.customAttributes, 'customAttributes')
    if (claims) user.metadata.customAttributes = claims
    const hash = str(r.passwordHash)
    if (hash) {
      const salt = str(r.salt) ?? str(r.passwordSalt)
      const c = options.hashConfig
      if (!salt) user.passwordDropped = 'passwordHash without a salt'
      else if (!c) user.passwordDropped = 'no hash parameters (--hash-config)'
      else
        user.password = {
          hasher: 'scrypt_firebase',
          digest: [hash, salt, c.base64_signer_key, c.base64_salt_separator, c.rounds, c.mem_cost].join('$'),
        }
    }
    return user
  },
  check: (options) =>
    options.hashConfig
      ? undefined
      : 'firebase needs the project hash parameters: --hash-config FILE (or --hash-key, --salt-separator, --rounds, --mem-cost)',
}
