/**
 * Password digests for the migration fixtures, made here from known passwords (fixtures hold placeholders
 * such as `{bcrypt:Ann-correct-horse-1}`), in the formats Clerk's password_hasher docs give.
 */
import {createCipheriv, createHash, pbkdf2Sync, scryptSync} from 'node:crypto'

import bcrypt from 'bcryptjs'

export interface HashConfig {
  base64_signer_key: string
  base64_salt_separator: string
  rounds: number
  mem_cost: number
}

/** Firebase's modified scrypt: the base64 `passwordHash` `auth:export` writes for `password` and the row's salt. */
export function firebaseHash(password: string, saltB64: string, c: HashConfig): string {
  const N = 2 ** c.mem_cost
  const key = scryptSync(
    password,
    Buffer.concat([Buffer.from(saltB64, 'base64'), Buffer.from(c.base64_salt_separator, 'base64')]),
    32,
    {N, r: c.rounds, p: 1, maxmem: 256 * N * c.rounds + 1024 * 1024},
  )
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16, 0))
  return Buffer.concat([cipher.update(Buffer.from(c.base64_signer_key, 'base64')), cipher.final()]).toString('base64')
}

export const bcryptDigest = (password: string) => bcrypt.hashSync(password, 4)

export function pbkdf2Digest(password: string): string {
  const salt = Buffer.from('fixture-salt-16b')
  return `pbkdf2_sha256$1000$${salt.toString('base64')}$${pbkdf2Sync(password, salt, 1000, 32, 'sha256').toString('base64')}`
}

export const sha256Digest = (password: string) => createHash('sha256').update(password).digest('hex')

/** Replace every `{kind:password}` placeholder; `{firebase:…}` uses the `salt` of the same JSON object. */
export function fillDigests(text: string, hashConfig?: HashConfig): {text: string; passwords: string[]} {
  const passwords: string[] = []
  const out = text.replace(/\{(bcrypt|pbkdf2_sha256|sha256):([^}]+)\}/g, (_m, kind, pw) => {
    passwords.push(pw)
    if (kind === 'bcrypt') return bcryptDigest(pw)
    if (kind === 'pbkdf2_sha256') return pbkdf2Digest(pw)
    return sha256Digest(pw)
  })
  // Firebase: the salt that follows the hash in the same user object
  const filled = out.replace(/\{firebase:([^}]+)\}"(,\s*"salt":\s*"([^"]+)")/g, (_m, pw, rest, salt) => {
    if (!hashConfig) throw new Error('firebase digests need the hash config')
    passwords.push(pw)
    return `${firebaseHash(pw, salt, hashConfig)}"${rest}`
  })
  return {text: filled, passwords}
}
