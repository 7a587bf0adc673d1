/**
 * Ids that go into a URL path: checked against the form of their resource's ids before any request, so no
 * input (`..`, `.`, a slash, `%2e%2e`, spaces) can change which resource a request names. Clerk ids are a
 * prefix, `_` and base62 characters (src/emulator/ids.ts makes them the same way), e.g. `user_2x9K…`.
 *
 *   checkId('user', value)                    // user_… else exit 2
 *   checkId('user', value, {email: true})     // user_… or an email address (looked up by the command)
 *   checkId('org', value, {slug: true})       // org_… or an organization slug
 *
 * Command arguments use {@link idArg} (src/lib/oclif/id-args.ts), which runs this while parsing; the shared
 * client refuses any path with a dot segment or an empty segment as a last line of defence.
 */
import {EMAIL} from './patterns.js'
import {usageError} from './errors.js'

/** Resource -> its id prefix (without the `_`) and what to call it in a message. */
export const ID_KINDS = {
  user: {prefix: 'user', label: 'user id'},
  org: {prefix: 'org', label: 'organization id'},
  orginv: {prefix: 'orginv', label: 'organization invitation id'},
  inv: {prefix: 'inv', label: 'invitation id'},
  sess: {prefix: 'sess', label: 'session id'},
  jtmp: {prefix: 'jtmp', label: 'JWT template id'},
  ru: {prefix: 'ru', label: 'redirect URL id'},
  wle: {prefix: 'wle', label: 'waitlist entry id'},
  act: {prefix: 'act', label: 'actor token id'},
  sit: {prefix: 'sit', label: 'sign-in token id'},
  alid: {prefix: 'alid', label: 'allow-list identifier id'},
  blid: {prefix: 'blid', label: 'block-list identifier id'},
  role: {prefix: 'role', label: 'role id'},
  perm: {prefix: 'perm', label: 'permission id'},
  rs: {prefix: 'rs', label: 'role set id'},
  idn: {prefix: 'idn', label: 'identification id'},
  orgdmn: {prefix: 'orgdmn', label: 'organization domain id'},
  dmn: {prefix: 'dmn', label: 'domain id'},
  mch: {prefix: 'mch', label: 'machine id'},
  ak: {prefix: 'ak', label: 'API key id'},
  mt: {prefix: 'mt', label: 'M2M token id'},
} as const
export type IdKind = keyof typeof ID_KINDS

export interface IdOptions {
  /** an email address is accepted too (the command looks the user up) */
  email?: boolean
  /** an organization slug is accepted too */
  slug?: boolean
  /** any other value is accepted as an identifier the command looks up (never put in a path) */
  lookup?: boolean
  /** how the message names the value, e.g. USER_ID or --user */
  name?: string
}

const SLUG = /^[a-z0-9][a-z0-9_-]*$/

export function idPattern(kind: IdKind): RegExp {
  return new RegExp(`^${ID_KINDS[kind].prefix}_[A-Za-z0-9]+$`)
}

/** The value when it has its resource's id form (or an allowed alternative), else a usage error (exit 2). */
export function checkId(kind: IdKind, value: string, options: IdOptions = {}): string {
  const v = value.trim()
  if (idPattern(kind).test(v)) return v
  if (options.email && EMAIL.test(v) && !/[/\\]/.test(v)) return v
  if (options.slug && SLUG.test(v) && v.length <= 128) return v
  if (options.lookup && v !== '' && !/^\.+$/.test(v) && !/[/\\%?#\s]/.test(v)) return v
  const {prefix, label} = ID_KINDS[kind]
  const also = [options.email ? 'an email address' : '', options.slug ? 'a slug (a-z, 0-9, -, _)' : '']
    .filter(Boolean)
    .join(' or ')
  throw usageError(
    `${options.name ? `${options.name}: ` : ''}"${value}" is not a ${label}`,
    `expected ${prefix}_ followed by letters and digits${also ? `, or ${also}` : ''}`,
  )
}

/** A path segment that cannot change the path: encoded, and never empty, `.` or `..`. */
export function pathSegment(value: string): string {
  if (value === '' || value === '.' || value === '..') throw usageError(`"${value}" cannot name a resource`)
  return encodeURIComponent(value)
}

/**
 * The last line of defence, in the shared client: a path whose segments (decoded) include `.`, `..` or an
 * empty one would name another resource once the URL is normalised. Returns the offending segment.
 */
export function unsafeSegment(path: string): string | undefined {
  const bare = path.split(/[?#]/)[0].replace(/^\/+/, '')
  if (bare === '') return undefined
  for (const raw of bare.split('/')) {
    let seg: string
    try {
      seg = decodeURIComponent(raw)
    } catch {
      return raw
    }
    if (seg === '' || seg === '.' || seg === '..' || seg.includes('/') || seg.includes('\\')) return raw
  }
  return undefined
}
