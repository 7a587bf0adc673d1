import {existsSync, readFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {join} from 'node:path'

import {usageError} from './errors.js'

/** One named instance in the user's config file (keys as in the file: snake_case). */
export interface Profile {
  secret_key?: string
  api_url?: string
  api_version?: string
  publishable_key?: string
  jwt_key?: string
  rate_limit?: string
}

export interface ProfilesFile {
  current?: string
  profiles: Record<string, Profile>
}

/** CLERK_ADMIN_CONFIG_DIR, else $XDG_CONFIG_HOME/clerk-admin, else ~/.config/clerk-admin. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLERK_ADMIN_CONFIG_DIR) return env.CLERK_ADMIN_CONFIG_DIR
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'clerk-admin')
}

export const profilesPath = (env: NodeJS.ProcessEnv = process.env) => join(configDir(env), 'config.json')

export function readProfiles(env: NodeJS.ProcessEnv = process.env): ProfilesFile {
  const path = profilesPath(env)
  if (!existsSync(path)) return {profiles: {}}
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ProfilesFile>
    return {current: parsed.current, profiles: parsed.profiles ?? {}}
  } catch (error) {
    throw usageError(`cannot read ${path}: ${(error as Error).message}`)
  }
}

/** The profile to use: the named one (flag or CLERK_PROFILE) must exist; otherwise the file's current one, if any. */
export function selectProfile(name: string | undefined, env: NodeJS.ProcessEnv = process.env): {name?: string; profile: Profile} {
  const file = readProfiles(env)
  if (name) {
    const profile = file.profiles[name]
    if (!profile) throw usageError(`no profile named "${name}"`, `create it with: clerk config set --profile ${name} secret-key`)
    return {name, profile}
  }
  if (file.current && file.profiles[file.current]) return {name: file.current, profile: file.profiles[file.current]}
  return {profile: {}}
}
