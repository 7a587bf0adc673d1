/** Generated sample users (for `--users N`, `store.seedUsers(n)` and load tests): fast, unique, realistic enough. */
import {newId} from '../ids.js'
import type {JsonObject} from '../json.js'
import {buildUser, emailObject} from './model.js'

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Edsger',
  'Radia',
  'Tim',
  'Katherine',
  'John',
  'Hedy',
  'Donald',
  'Sophie',
  'Guido',
  'Annie',
  'Bjarne',
  'Joan',
  'James',
  'Mary',
  'Niklaus',
  'Shafi',
]
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Dijkstra',
  'Perlman',
  'Berners-Lee',
  'Johnson',
  'McCarthy',
  'Lamarr',
  'Knuth',
  'Wilson',
  'van Rossum',
  'Easley',
  'Stroustrup',
  'Clarke',
  'Gosling',
  'Keller',
  'Wirth',
  'Goldwasser',
]

/**
 * `n` users numbered from `start` (so repeated calls stay unique), oldest first, created one second apart
 * and ending now. Roughly 1 µs of work per user beyond object allocation: 100k users take well under a second.
 */
export function buildSampleUsers(n: number, start = 0): JsonObject[] {
  const now = Date.now()
  const out: JsonObject[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const k = start + i
    const first = FIRST[k % FIRST.length]
    const last = LAST[Math.floor(k / FIRST.length) % LAST.length]
    const handle = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '')
    const created = now - (n - i) * 1000
    const email = emailObject(`${handle}${k}@example.com`, 'verified', created)
    // every other user signed in at some point between creation and now (never in the future)
    const signedIn = k % 2 === 0 ? created + Math.floor((now - created) / 2) : null
    out[i] = buildUser(
      {
        id: newId('user'),
        emails: [email],
        username: `${handle.replace('.', '_')}${k}`,
        first_name: first,
        last_name: last,
        password_enabled: k % 3 !== 0,
        public_metadata: {plan: k % 4 === 0 ? 'pro' : 'free'},
        created_at: created,
        last_sign_in_at: signedIn,
        last_active_at: signedIn,
      },
      created,
    )
  }
  return out
}
