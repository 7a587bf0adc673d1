/**
 * Users' passwords, kept apart from the User object (BAPI never returns them): the collection
 * `user_passwords` holds `{id: <user id>, hasher, digest}`, so a migrated user's original password can be
 * checked by POST /v1/users/{id}/verify_password. A plain password is stored as an emulator-only salted
 * SHA-256 (`hasher: "emulator_sha256_salted"`); digests are stored as sent.
 *
 * Verified hashers (the digest formats of Clerk's CreateUser `password_hasher` docs):
 *   bcrypt                 $2a$|$2b$|$2y$<cost>$<salt+hash>            (bcryptjs)
 *   scrypt_firebase        <hash>$<salt>$<signer key>$<salt separator>$<rounds>$<mem cost>, all base64 but the numbers:
 *                          key = scrypt(password, salt ‖ separator, N = 2^mem_cost, r = rounds, p = 1, 32 bytes);
 *                          hash = AES-256-CTR(key, IV = 16 zero bytes) over the signer key (Firebase's modified scrypt)
 *   pbkdf2_sha256          pbkdf2_sha256$<iterations>$<salt base64>$<hash base64>
 *   pbkdf2_sha256_django   pbkdf2_sha256$<iterations>$<salt as is>$<hash base64>
 *   sha256                 64 hex characters of SHA-256(password)
 *   md5                    32 hex characters of MD5(password)
 * Digests are stored as sent (a malformed one simply never verifies); any other hasher is accepted on create
 * (as BAPI does) but never verifies here.
 */
import {createCipheriv, createHash, pbkdf2Sync, randomBytes, scryptSync, timingSafeEqual} from 'node:crypto'

import type {Collection, JsonObject, Store} from '../store.js'

export const PLAIN_HASHER = 'emulator_sha256_salted'

const passwords = (store: Store): Collection<JsonObject> => store.collection('user_passwords')

const sha256Salted = (password: string, salt: string) =>
  createHash('sha256').update(`${salt}\u0000${password}`).digest('hex')

/** Remember a user's password (plain, or digest + hasher) after a create or update that set one. */
export function setPassword(store: Store, userId: string, body: Record<string, unknown>): void {
  if (body.password || body.password_digest) store.collection('compromised_passwords').delete(userId) // a new password is not the breached one
  if (typeof body.password === 'string' && body.password !== '') {
    const salt = randomBytes(12).toString('hex')
    passwords(store).set({id: userId, hasher: PLAIN_HASHER, digest: `${salt}$${sha256Salted(body.password, salt)}`})
  } else if (typeof body.password_digest === 'string' && typeof body.password_hasher === 'string') {
    passwords(store).set({id: userId, hasher: body.password_hasher, digest: body.password_digest})
  }
}

export function forgetPassword(store: Store, userId: string): void {
  passwords(store).delete(userId)
}

export function storedPassword(store: Store, userId: string): {hasher: string; digest: string} | undefined {
  const p = passwords(store).get(userId)
  return p ? {hasher: String(p.hasher), digest: String(p.digest)} : undefined
}

const b64 = (s: string) => Buffer.from(s, 'base64')

function equal(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b)
}

function firebaseScrypt(password: string, digest: string): boolean {
  const [hash, salt, signerKey, separator, rounds, memCost] = digest.split('$')
  const N = 2 ** Number(memCost)
  const r = Number(rounds)
  const key = scryptSync(Buffer.from(password, 'utf8'), Buffer.concat([b64(salt), b64(separator)]), 32, {
    N,
    r,
    p: 1,
    maxmem: 256 * N * r + 1024 * 1024,
  })
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16, 0))
  const out = Buffer.concat([cipher.update(b64(signerKey)), cipher.final()])
  return equal(out, b64(hash))
}

function pbkdf2(password: string, digest: string, saltEncoded: boolean): boolean {
  const [, iterations, salt, hash] = digest.split('$')
  const expected = b64(hash)
  const saltBytes = saltEncoded ? b64(salt) : Buffer.from(salt, 'utf8')
  return equal(pbkdf2Sync(password, saltBytes, Number(iterations), expected.length, 'sha256'), expected)
}

/** Does `password` match the stored digest? */
export async function verifyPassword(stored: {hasher: string; digest: string}, password: string): Promise<boolean> {
  const {hasher, digest} = stored
  try {
    switch (hasher) {
      case PLAIN_HASHER: {
        const [salt, hex] = digest.split('$')
        return equal(Buffer.from(sha256Salted(password, salt), 'hex'), Buffer.from(hex, 'hex'))
      }
      case 'bcrypt': {
        const {default: bcrypt} = await import('bcryptjs')
        return await bcrypt.compare(password, digest)
      }
      case 'scrypt_firebase':
        return firebaseScrypt(password, digest)
      case 'pbkdf2_sha256':
        return pbkdf2(password, digest, true)
      case 'pbkdf2_sha256_django':
        return pbkdf2(password, digest, false)
      case 'sha256':
        return equal(createHash('sha256').update(password).digest(), Buffer.from(digest, 'hex'))
      case 'md5':
        return equal(createHash('md5').update(password).digest(), Buffer.from(digest, 'hex'))
      default:
        return false
    }
  } catch {
    return false
  }
}
