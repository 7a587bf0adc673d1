/**
 * The emulator's in-memory state: named collections of JSON objects keyed by id, kept in insertion
 * order, with optional unique indexes (email -> user id, ...). The whole state exports to and imports
 * from one JSON document ({@link EmulatorState}), the format of `--seed`, `--persist` and fixtures/.
 */
import {buildSampleUsers} from './users/sample.js'
import {USER_INDEXES} from './users/model.js'
import type {Indexer, JsonObject} from './json.js'

export type {Indexer, Json, JsonObject} from './json.js'

export interface StoredSigningKey {
  kid: string
  private_key_pem: string
}

/** The JSON state document: `{version: 1, signing_key?, users: [...BAPI User objects], <collection>: [...]}`. */
export interface EmulatorState {
  version?: number
  signing_key?: StoredSigningKey
  users?: Record<string, unknown>[]
  [collection: string]: unknown
}

/** One change to one stored object: `before` absent for a creation, `after` absent for a deletion. */
export interface StoreChange {
  collection: string
  before?: JsonObject
  after?: JsonObject
}

export class Collection<T extends {id: string}> {
  private items = new Map<string, T>()
  private indexes = new Map<string, Map<string, string>>()
  /** Bumped on every change; lets callers cache derived views (sorted orders). */
  version = 0
  /** Told of every set() and delete() (the Store wires it to its change listener). */
  onChange?: (before: T | undefined, after: T | undefined) => void

  constructor(
    readonly name: string,
    private indexers: Record<string, Indexer<T>> = {},
  ) {
    for (const key of Object.keys(indexers)) this.indexes.set(key, new Map())
  }

  get size(): number {
    return this.items.size
  }
  get(id: string): T | undefined {
    return this.items.get(id)
  }
  has(id: string): boolean {
    return this.items.has(id)
  }
  values(): T[] {
    return [...this.items.values()]
  }

  /** The id holding `value` in the unique index `index` (values are compared as the indexer emits them). */
  findBy(index: string, value: string): string | undefined {
    return this.indexes.get(index)?.get(value)
  }

  /** Insert or replace (a replaced object keeps its place in the order). */
  set(obj: T): T {
    const old = this.items.get(obj.id)
    if (old) this.unindex(old)
    this.items.set(obj.id, obj)
    this.index(obj)
    this.version++
    this.onChange?.(old, obj)
    return obj
  }

  delete(id: string): T | undefined {
    const old = this.items.get(id)
    if (!old) return undefined
    this.unindex(old)
    this.items.delete(id)
    this.version++
    this.onChange?.(old, undefined)
    return old
  }

  clear(): void {
    this.items.clear()
    for (const m of this.indexes.values()) m.clear()
    this.version++
  }

  private index(obj: T): void {
    for (const [key, fn] of Object.entries(this.indexers)) {
      const m = this.indexes.get(key)!
      for (const v of fn(obj)) m.set(v, obj.id)
    }
  }

  private unindex(obj: T): void {
    for (const [key, fn] of Object.entries(this.indexers)) {
      const m = this.indexes.get(key)!
      for (const v of fn(obj)) if (m.get(v) === obj.id) m.delete(v)
    }
  }
}

export class Store {
  private collections = new Map<string, Collection<JsonObject>>()
  private quiet = 0
  signingKey?: StoredSigningKey
  /**
   * Told of every change the API makes, synchronously and in order (the webhook deliveries hang here).
   * Loading state (import, reset, seedUsers) is not a change the API made and is not reported.
   */
  onChange?: (change: StoreChange) => void
  /** The instance's user cap (Clerk caps development instances at 100 users); creates past it get 403 user_quota_exceeded. Unset: no cap. */
  userCap?: {max: number; production: boolean}

  constructor() {
    this.define('users', USER_INDEXES)
    this.define('waitlist_entries', {email: (e) => [String(e.email_address).toLowerCase()]})
    this.define('organizations', {slug: (o) => [String(o.slug)]})
    this.define('organization_memberships', {member: (m) => [`${m.organization_id}\u0000${m.user_id}`]})
    this.define('organization_invitations')
    this.define('invitations')
  }

  /** Declare a collection with unique indexes (call before use; later resources add their own). */
  define(name: string, indexers: Record<string, Indexer<JsonObject>> = {}): Collection<JsonObject> {
    let c = this.collections.get(name)
    if (!c) {
      c = new Collection<JsonObject>(name, indexers)
      c.onChange = (before, after) => {
        if (this.quiet === 0) this.onChange?.({collection: name, before, after})
      }
      this.collections.set(name, c)
    }
    return c
  }

  collection(name: string): Collection<JsonObject> {
    return this.collections.get(name) ?? this.define(name)
  }

  get users(): Collection<JsonObject> {
    return this.collection('users')
  }

  export(): EmulatorState {
    const state: EmulatorState = {version: 1}
    if (this.signingKey) state.signing_key = this.signingKey
    for (const [name, c] of this.collections) state[name] = c.values()
    return state
  }

  /** Run `fn` without reporting its changes (loading state rather than serving the API). */
  quietly<T>(fn: () => T): T {
    this.quiet++
    try {
      return fn()
    } finally {
      this.quiet--
    }
  }

  /** Replace the whole state (collections absent from `state` are emptied; the signing key is kept if absent). */
  import(state: EmulatorState): void {
    this.quietly(() => this.load(state))
  }

  private load(state: EmulatorState): void {
    if (state.version !== undefined && state.version !== 1)
      throw new Error(`unsupported emulator state version ${state.version}`)
    for (const c of this.collections.values()) c.clear()
    for (const [name, value] of Object.entries(state)) {
      if (name === 'version' || name === 'signing_key') continue
      if (!Array.isArray(value)) throw new Error(`emulator state: "${name}" must be an array`)
      const c = this.collection(name)
      for (const obj of value as JsonObject[]) {
        if (!obj || typeof obj.id !== 'string')
          throw new Error(`emulator state: every "${name}" item needs a string id`)
        c.set(obj)
      }
    }
    if (state.signing_key) this.signingKey = state.signing_key
  }

  /** Empty every collection (the signing key stays). */
  reset(): void {
    for (const c of this.collections.values()) c.clear()
  }

  /** Add `n` generated users (unique emails and usernames; created_at spaced 1 s apart, oldest first). */
  seedUsers(n: number): JsonObject[] {
    const users = buildSampleUsers(n, this.users.size)
    this.quietly(() => {
      for (const u of users) this.users.set(u)
    })
    return users
  }
}
