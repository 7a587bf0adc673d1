/** Clerk-style identifiers: a prefix and 27 base62 characters, e.g. `user_2x9K...`. */
import {randomBytes} from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

// Random bytes are drawn in blocks: one crypto call per ~1000 ids keeps seeding 100k users fast.
let pool = Buffer.alloc(0)
let at = 0

/** `n` random base62 characters (rejection sampling, so the distribution is uniform). */
export function base62(n: number): string {
  let out = ''
  while (out.length < n) {
    if (at >= pool.length) {
      pool = randomBytes(32_768)
      at = 0
    }
    const b = pool[at++]
    if (b < 248) out += ALPHABET[b % 62]
  }
  return out
}

/** A new id such as `user_` + 27 base62 characters. */
export function newId(prefix: string): string {
  return `${prefix}_${base62(27)}`
}
