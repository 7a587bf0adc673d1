/** The JSON objects the emulator stores and serves, the index functions of its collections, and merging. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>
export type JsonObject = Json & {id: string}

/** The keys a unique index files an object under (e.g. a user's email addresses). */
export type Indexer<T> = (obj: T) => string[]

/** Deep merge for PATCH .../metadata: nested objects merge, `null` removes a key. */
export function deepMerge(target: Json, patch: Json): Json {
  const out: Json = {...target}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else if (isPlainObject(v) && isPlainObject(out[k])) out[k] = deepMerge(out[k], v)
    else out[k] = v
  }
  return out
}

export function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
