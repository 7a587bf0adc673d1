/**
 * `instance diff` / `instance apply`: what a settings document would change, and sending exactly that.
 * Only groups and keys the file names are managed (a key the file leaves out stays as it is). A key that
 * differs is sent when the PATCH accepts it; a read-only key that differs is reported and never sent; a
 * write-only key (accepted by the PATCH, never returned by a GET) cannot be compared, so it is sent each time.
 */
import type {Client, Row} from '../../http/client.js'
import {usageError} from '../../util/errors.js'
import {safetyState} from '../../util/safety.js'
import {closest} from '../../util/suggest.js'
import {GROUPS, GROUP_NAMES, type SettingsDocument} from './groups.js'

export interface SettingChange {
  group: string
  key: string
  before?: unknown
  after: unknown
  /** changed: sent; read_only: differs, not sent; write_only: cannot be compared, sent */
  kind: 'changed' | 'read_only' | 'write_only'
}

export interface SettingsPlan {
  changes: SettingChange[]
  /** one PATCH per group with something to send */
  patches: Array<{group: string; path: string; body: Row}>
}

/** Arrays of strings (origins, country codes, scopes, modes) are sets: their order is not a difference. */
function same(a: unknown, b: unknown): boolean {
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')
  if (strings(a) && strings(b)) return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())
  return JSON.stringify(a) === JSON.stringify(b)
}

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The file's document checked against the groups (unknown groups and keys are exit 2 with a did-you-mean). */
export function checkDocument(doc: unknown, current: SettingsDocument): SettingsDocument {
  if (!isObject(doc))
    throw usageError('the settings file must hold an object keyed by group', `groups: ${GROUP_NAMES.join(', ')}`)
  for (const [group, value] of Object.entries(doc)) {
    const spec = GROUPS[group]
    if (!spec) {
      const near = closest(group, GROUP_NAMES)
      throw usageError(
        `unknown settings group "${group}"`,
        `${near ? `did you mean ${near}? ` : ''}groups: ${GROUP_NAMES.join(', ')}`,
      )
    }
    if (!isObject(value)) throw usageError(`settings group "${group}" must be an object of keys`)
    const known = [...Object.keys(current[group] ?? {}), ...spec.writable, ...(spec.writeOnly ?? [])]
    for (const key of Object.keys(value))
      if (!known.includes(key) && key !== 'object') {
        const near = closest(key, known)
        throw usageError(
          `unknown setting ${group}.${key}`,
          near ? `did you mean ${group}.${near}?` : `${group} has: ${known.join(', ')}`,
        )
      }
  }
  return doc as SettingsDocument
}

/** What applying `wanted` to `current` changes, and the requests that do it. */
export async function planSettings(
  client: Client,
  current: SettingsDocument,
  wanted: SettingsDocument,
): Promise<SettingsPlan> {
  const changes: SettingChange[] = []
  const patches: SettingsPlan['patches'] = []
  for (const [group, values] of Object.entries(wanted)) {
    const spec = GROUPS[group]
    const now = current[group]
    if (!now)
      throw usageError(
        `settings group "${group}" cannot be read on this instance, so it cannot be compared`,
        'leave it out of the file',
      )
    const body: Row = {}
    for (const [key, after] of Object.entries(values)) {
      if (key === 'object') continue
      if (spec.writeOnly?.includes(key)) {
        changes.push({group, key, after, kind: 'write_only'})
        body[key] = after
        continue
      }
      const before = now[key]
      if (same(before, after)) continue
      if (!spec.writable.includes(key)) {
        changes.push({group, key, before, after, kind: 'read_only'})
        continue
      }
      changes.push({group, key, before, after, kind: 'changed'})
      const as = spec.sendAs?.[key]
      if (as) body[as.param] = await as.value(client, after)
      else body[key] = after
    }
    if (Object.keys(body).length) patches.push({group, path: spec.path, body})
  }
  return {changes, patches}
}

/** Send the plan's PATCHes in order; under --dry-run the shared client refuses each and records what it would send. */
export async function applyPlan(client: Client, plan: SettingsPlan): Promise<number> {
  let sent = 0
  for (const p of plan.patches) {
    try {
      await client.request('PATCH', p.path, {body: p.body})
      sent++
    } catch (error) {
      if (!safetyState.dryRun) throw error
    }
  }
  return sent
}
