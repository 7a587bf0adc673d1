/**
 * Metadata edits for any BAPI resource with `public_metadata` / `private_metadata` / `unsafe_metadata`
 * (users, organizations, memberships): RFC 7386 JSON merge patch, a structural diff of what changes,
 * and the plan a command shows (and, unless --dry-run, sends).
 */
import {type OutputFormat, readValue} from '../config/resolve.js'
import {usageError} from '../util/errors.js'
import {out, printList} from '../output/writer.js'
import {type PromptContext, promptFor} from '../output/prompts.js'

export type JsonValue = null | boolean | number | string | JsonValue[] | {[key: string]: JsonValue}
export type JsonObject = {[key: string]: JsonValue}

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * RFC 7386 JSON Merge Patch: an object patch merges key by key (recursively), `null` removes a key,
 * anything else (arrays, scalars, a non-object patch) replaces the target. Inputs are not mutated.
 */
export function mergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isObject(patch)) return patch
  const out: JsonObject = isObject(target) ? {...target} : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]
    else out[key] = mergePatch(out[key], value)
  }
  return out
}

export type ChangeKind = 'added' | 'removed' | 'changed'

/** One leaf that differs: `path` is dotted from the field (`public_metadata.plan.seats`). */
export interface Change {
  field: string
  path: string
  change: ChangeKind
  before?: JsonValue
  after?: JsonValue
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const keyPath = (base: string, key: string) =>
  /^[A-Za-z_$][\w$-]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`

/** The differences between two JSON values; objects are compared key by key, everything else as a whole. */
export function diffJson(
  field: string,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path = field,
): Change[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
    return keys.flatMap((k) => diffJson(field, before[k], after[k], keyPath(path, k)))
  }
  if (before === undefined && after === undefined) return []
  if (before === undefined) return [{field, path, change: 'added', after}]
  if (after === undefined) return [{field, path, change: 'removed', before}]
  return equal(before, after) ? [] : [{field, path, change: 'changed', before, after}]
}

/** A diff for people: `+ path: value`, `- path: value`, `~ path: before -> after`. */
export function formatDiff(changes: Change[]): string {
  const show = (v: JsonValue | undefined) => JSON.stringify(v)
  return changes
    .map((c) =>
      c.change === 'added'
        ? `+ ${c.path}: ${show(c.after)}`
        : c.change === 'removed'
          ? `- ${c.path}: ${show(c.before)}`
          : `~ ${c.path}: ${show(c.before)} -> ${show(c.after)}`,
    )
    .join('\n')
}

/** An optional JSON-object flag: undefined when the flag was not given, else {@link parseJsonObject}. */
export const optionalJsonObject = (flag: string, value: string | undefined): JsonObject | undefined =>
  value === undefined ? undefined : parseJsonObject(value, flag)

/** A JSON object given on the command line, inline or as `@file` (usage error naming the flag when it is not one). */
export function parseJsonObject(value: string, flag: string): JsonObject {
  const text = readValue(value) ?? ''
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw usageError(
      `--${flag} is not valid JSON: ${(error as Error).message}`,
      `pass a JSON object, e.g. --${flag} '{"plan":"pro"}', or @file.json`,
    )
  }
  if (!isObject(parsed)) throw usageError(`--${flag} must be a JSON object`, `e.g. --${flag} '{"plan":"pro"}'`)
  return parsed
}

export const METADATA_FIELDS = ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const
export type MetadataField = (typeof METADATA_FIELDS)[number]
export type MetadataInput = Partial<Record<MetadataField, JsonObject>>

export interface MetadataPlan {
  mode: 'merge' | 'replace'
  /** what to send: PATCH .../metadata (merge) or PUT .../metadata (replace) */
  method: 'PATCH' | 'PUT'
  body: MetadataInput
  /** the metadata as it will be afterwards (only the fields given) */
  after: MetadataInput
  changes: Change[]
}

/** What `input` does to `current` (a resource's raw JSON): merged per RFC 7386, or each given field replaced. */
export function planMetadata(
  current: Record<string, unknown>,
  input: MetadataInput,
  mode: 'merge' | 'replace',
): MetadataPlan {
  const after: MetadataInput = {}
  const changes: Change[] = []
  for (const field of METADATA_FIELDS) {
    const given = input[field]
    if (given === undefined) continue
    const before = (isObject(current[field]) ? current[field] : {}) as JsonObject
    const next = (mode === 'merge' ? mergePatch(before, given) : given) as JsonObject
    after[field] = next
    changes.push(...diffJson(field, before, next))
  }
  return {mode, method: mode === 'merge' ? 'PATCH' : 'PUT', body: input, after, changes}
}

/** Table/CSV columns for a change list. */
export const changeColumns = {
  field: {header: 'FIELD', get: (c: Change) => c.field},
  path: {header: 'PATH', get: (c: Change) => c.path},
  change: {header: 'CHANGE', get: (c: Change) => c.change},
  before: {header: 'BEFORE', get: (c: Change) => (c.before === undefined ? '' : JSON.stringify(c.before))},
  after: {header: 'AFTER', get: (c: Change) => (c.after === undefined ? '' : JSON.stringify(c.after))},
}

export interface MetadataEdit {
  plan: MetadataPlan
  /** false for --dry-run, and when nothing would change */
  sent: boolean
  /** the updated resource, when sent */
  result?: unknown
}

/**
 * Read the resource, plan the edit, and send it unless `dryRun` or there is nothing to change.
 * The merge itself is BAPI's (PATCH sends only the patch), so a concurrent change to other keys is kept.
 */
export async function editMetadata(options: {
  read: () => Promise<Record<string, unknown>>
  send: (plan: MetadataPlan) => Promise<unknown>
  input: MetadataInput
  mode: 'merge' | 'replace'
  dryRun?: boolean
  /** called with the plan before anything is sent (to show the diff) */
  show?: (plan: MetadataPlan) => Promise<void>
  /** --replace drops every key the new value lacks: asked, after the diff, before sending when it would remove any */
  confirmRemoval?: (removed: Change[]) => Promise<void>
}): Promise<MetadataEdit> {
  const plan = planMetadata(await options.read(), options.input, options.mode)
  await options.show?.(plan)
  if (options.dryRun || plan.changes.length === 0) return {plan, sent: false}
  const removed = plan.changes.filter((c) => c.change === 'removed')
  if (options.mode === 'replace' && removed.length > 0) await options.confirmRemoval?.(removed)
  return {plan, sent: true, result: await options.send(plan)}
}

/** --public/--private/--unsafe flag values -> the metadata input (each a JSON object or @file). */
export async function metadataInput(
  flags: {public?: string; private?: string; unsafe?: string},
  ctx: PromptContext,
): Promise<MetadataInput> {
  const input: MetadataInput = {}
  for (const kind of ['public', 'private', 'unsafe'] as const) {
    const v = flags[kind]
    if (v !== undefined) input[`${kind}_metadata`] = parseJsonObject(v, kind)
  }
  if (Object.keys(input).length > 0) return input
  if (!ctx.interactive)
    throw usageError('missing --public, --private or --unsafe', 'pass a JSON object, e.g. --public \'{"plan":"pro"}\'')
  const validate = (v: string) => {
    try {
      return isObject(JSON.parse(v)) ? true : 'a JSON object, please'
    } catch {
      return 'not valid JSON'
    }
  }
  input.public_metadata = JSON.parse(
    await promptFor(ctx, 'public', 'Public metadata (a JSON object to merge):', {validate}),
  ) as JsonObject
  return input
}

/** The changes as a diff (table: for people) or one record per changed key (json, ndjson, csv). */
export async function printChanges(changes: Change[], opts: {format: OutputFormat; select?: string[]}): Promise<void> {
  if (opts.format === 'table') {
    if (changes.length > 0) await out(`${formatDiff(changes)}\n`)
    return
  }
  await printList(changes, {
    format: opts.format,
    columns: changeColumns,
    defaults: Object.keys(changeColumns),
    select: opts.select,
  })
}

/** `users metadata` / `orgs metadata`: edit, print the diff, and say on stderr what happened to `label`. */
export async function runMetadataEdit(
  label: string,
  options: Parameters<typeof editMetadata>[0] & {format: OutputFormat; select?: string[]; note: (m: string) => void},
): Promise<MetadataEdit> {
  const edit = await editMetadata({
    ...options,
    show: (plan) => printChanges(plan.changes, {format: options.format, select: options.select}),
  })
  const n = edit.plan.changes.length
  if (options.dryRun) options.note(`dry run: ${n} change(s) to ${label}, nothing sent`)
  else options.note(edit.sent ? `updated ${label}: ${n} change(s)` : `no changes to ${label}; nothing sent`)
  return edit
}
