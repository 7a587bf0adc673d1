/**
 * A migration source (`clerk users import FILE --from SOURCE`): one module per provider, mapping one record
 * of that provider's export to a {@link SourceUser}. The engine (../migrate.ts) turns a SourceUser into the
 * CreateUser body, so a source only says what its own fields mean; adding a provider is one file plus a
 * line in index.ts.
 */
import type {BulkRecord, InputFormat} from '../../../bulk/input.js'

export type MetadataTarget = 'public' | 'private' | 'unsafe' | 'skip'

export interface SourceOptions {
  /** --passwords FILE, loaded by the source's loadPasswords (Auth0's password-hash export) */
  passwords?: Map<string, string>
  /** Firebase's project hash parameters (--hash-config / --hash-key …) */
  hashConfig?: FirebaseHashConfig
}

export interface FirebaseHashConfig {
  base64_signer_key: string
  base64_salt_separator: string
  rounds: number
  mem_cost: number
}

export interface SourceUser {
  /** the user's id in the source: becomes external_id (unless the row has one) and the ID map's source_id */
  id: string
  /** the row's own external id, when the source has one (e.g. a Clerk export's external_id column) */
  externalId?: string
  emails: Array<{address: string; verified: boolean}>
  phones: Array<{number: string; verified: boolean}>
  username?: string
  firstName?: string
  lastName?: string
  /** RFC 3339 or epoch ms */
  createdAt?: string | number
  /** a digest Clerk can verify, with its password_hasher */
  password?: {digest: string; hasher: string}
  /** the source has a password for this user that cannot be carried over: why (reported per row) */
  passwordDropped?: string
  totpSecret?: string
  backupCodes?: string[]
  /** the source's metadata fields (objects), placed by the source's metadata map or --metadata-map */
  metadata: Record<string, Record<string, unknown>>
  /** the user cannot sign in at the source (disabled/blocked): created banned */
  banned?: boolean
}

export interface MigrationSource {
  name: string
  /** one line for --help and the plan */
  describe: string
  /** the input format when the file name does not say (e.g. Firebase's JSON document) */
  format?: InputFormat
  /** where each metadata field goes by default (documented per source; --metadata-map overrides) */
  metadata: Record<string, MetadataTarget>
  /** one record of the export -> the user (throws a message for a record that cannot be mapped) */
  map(record: BulkRecord, options: SourceOptions): SourceUser
  /** what this source needs besides the file, checked before anything is read (a usage message) */
  check?(options: SourceOptions): string | undefined
}

/** Helpers the sources share. */
export const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
export const str = (v: unknown): string | undefined => (blank(v) ? undefined : String(v).trim())

export function truthy(v: unknown): boolean {
  if (typeof v === 'boolean') return v
  return ['true', '1', 'yes', 't'].includes(
    String(v ?? '')
      .trim()
      .toLowerCase(),
  )
}

/** A JSON object given as an object or as JSON text (CSV cells); undefined when absent or empty. */
export function object(v: unknown, name: string): Record<string, unknown> | undefined {
  if (blank(v)) return undefined
  let x = v
  if (typeof x === 'string') {
    try {
      x = JSON.parse(x)
    } catch {
      throw new Error(`${name} is not valid JSON`)
    }
  }
  if (x === null) return undefined
  if (typeof x !== 'object' || Array.isArray(x)) throw new Error(`${name} must be a JSON object`)
  return Object.keys(x).length ? (x as Record<string, unknown>) : undefined
}

/** `Ann Lee Smith` -> first `Ann`, last `Lee Smith` (one word: first name only). */
export function splitName(name: string | undefined): {firstName?: string; lastName?: string} {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean)
  if (!parts.length) return {}
  return parts.length === 1 ? {firstName: parts[0]} : {firstName: parts[0], lastName: parts.slice(1).join(' ')}
}

/** Phone numbers as E.164: Supabase stores `15551234567` without the plus. */
export const e164 = (p: string) => (/^\d{7,15}$/.test(p) ? `+${p}` : p)

export const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/
