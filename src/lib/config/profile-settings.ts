/** What `clerk config ...` does to the profiles file (src/lib/profiles.ts reads and writes it). */
import {instanceKind} from './resolve.js'
import {usageError} from '../util/errors.js'
import {maskSecret} from '../util/mask.js'
import {
  type Profile,
  type ProfileKey,
  type ProfilesFile,
  PROFILE_KEYS,
  checkProfileName,
  readProfiles,
  writeProfiles,
} from './profiles-file.js'
import {parseRate} from '../http/rate.js'

/** A value for `key` as `clerk config set` accepts it; a bad one is a usage error (nothing is written). */
export function validateSetting(key: ProfileKey, raw: string): string {
  const value = raw.trim()
  if (!value) throw usageError(`${key} must not be empty`)
  const fail = (what: string) => usageError(`invalid ${key}: ${what}`)
  switch (key) {
    case 'secret-key':
      if (!/^sk_(test|live)_\S+$/.test(value)) throw fail('a secret key starts with sk_test_ or sk_live_')
      break
    case 'publishable-key':
      if (!/^pk_(test|live)_\S+$/.test(value)) throw fail('a publishable key starts with pk_test_ or pk_live_')
      break
    case 'api-url':
      try {
        const u = new URL(value)
        if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)')
      } catch {
        throw fail(`"${value}" is not an http(s) URL`)
      }
      return value.replace(/\/+$/, '')
    case 'rate-limit':
      try {
        parseRate(value)
      } catch (error) {
        throw fail((error as Error).message)
      }
      break
    case 'jwt-key':
      if (!value.startsWith('@') && !value.includes('BEGIN PUBLIC KEY'))
        throw fail('a PEM public key, or @file with one')
      break
  }
  return value
}

/** A value as it may be shown: secrets masked, everything else as stored. */
export function shownValue(key: ProfileKey, value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  return key === 'secret-key' ? maskSecret(value) : value
}

export function setSetting(
  name: string,
  key: ProfileKey,
  value: string,
  env = process.env,
): {path: string; file: ProfilesFile} {
  checkProfileName(name)
  const file = readProfiles(env)
  const profile: Profile = {...file.profiles[name], [PROFILE_KEYS[key]]: validateSetting(key, value)}
  file.profiles[name] = profile
  // the first profile becomes the current one, so `clerk config set secret-key` alone is enough to start
  if (!file.current || !file.profiles[file.current]) file.current = name
  return {path: writeProfiles(file, env), file}
}

export function unsetSetting(name: string, key: ProfileKey, env = process.env): void {
  const file = readProfiles(env)
  const profile = file.profiles[name]
  if (!profile) throw usageError(`no profile named "${name}"`)
  delete profile[PROFILE_KEYS[key]]
  writeProfiles(file, env)
}

export function useProfile(name: string, env = process.env): void {
  const file = readProfiles(env)
  if (!file.profiles[name])
    throw usageError(`no profile named "${name}"`, `profiles: ${Object.keys(file.profiles).join(', ') || '(none)'}`)
  file.current = name
  writeProfiles(file, env)
}

export function removeProfile(name: string, env = process.env): {wasCurrent: boolean} {
  const file = readProfiles(env)
  if (!file.profiles[name])
    throw usageError(`no profile named "${name}"`, `profiles: ${Object.keys(file.profiles).join(', ') || '(none)'}`)
  delete file.profiles[name]
  const wasCurrent = file.current === name
  if (wasCurrent) file.current = undefined
  writeProfiles(file, env)
  return {wasCurrent}
}

export interface ProfileRow {
  name: string
  current: boolean
  instance: string
  api_url?: string
  secret_key: string
  rate_limit?: string
  [key: string]: unknown
}

/** Every profile for listing, secret keys masked. */
export function profileRows(file: ProfilesFile): ProfileRow[] {
  return Object.entries(file.profiles).map(([name, p]) => ({
    name,
    current: file.current === name,
    instance: instanceKind(p.secret_key),
    api_url: p.api_url,
    secret_key: maskSecret(p.secret_key),
    rate_limit: p.rate_limit,
  }))
}
