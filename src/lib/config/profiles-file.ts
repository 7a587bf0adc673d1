import {closeSync, existsSync, readFileSync, renameSync, statSync, writeSync} from 'node:fs'
import {homedir} from 'node:os'
import {join} from 'node:path'

import {CliError, ExitCode, usageError} from '../util/errors.js'
import {openPrivate, privateDir} from '../util/private-file.js'

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

/** The settings `clerk config set|get` knows, as typed on the command line -> as stored in the file. */
export const PROFILE_KEYS = {
  'secret-key': 'secret_key',
  'api-url': 'api_url',
  'api-version': 'api_version',
  'publishable-key': 'publishable_key',
  'jwt-key': 'jwt_key',
  'rate-limit': 'rate_limit',
} as const satisfies Record<string, keyof Profile>
export type ProfileKey = keyof typeof PROFILE_KEYS

/** CLERK_ADMIN_CONFIG_DIR, else $XDG_CONFIG_HOME/clerk-admin, else ~/.config/clerk-admin. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLERK_ADMIN_CONFIG_DIR) return env.CLERK_ADMIN_CONFIG_DIR
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'clerk-admin')
}

export const profilesPath = (env: NodeJS.ProcessEnv = process.env) => join(configDir(env), 'config.json')

/**
 * The file holds secret keys, so, like ssh with a private key, we refuse to read it when other users
 * may read or write it (any group/other permission bit). Windows has no such mode bits: not checked.
 */
export function checkPermissions(path: string): void {
  if (process.platform === 'win32') return
  const mode = statSync(path).mode & 0o777
  if (mode & 0o077) {
    throw new CliError(
      `refusing to read ${path}: other users can access it (mode ${mode.toString(8).padStart(4, '0')}); it holds secret keys`,
      ExitCode.USAGE,
      {
        hint: `chmod 600 ${path}`,
      },
    )
  }
}

export function readProfiles(env: NodeJS.ProcessEnv = process.env): ProfilesFile {
  const path = profilesPath(env)
  if (!existsSync(path)) return {profiles: {}}
  checkPermissions(path)
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ProfilesFile>
    return {current: parsed.current, profiles: parsed.profiles ?? {}}
  } catch (error) {
    throw usageError(`cannot read ${path}: ${(error as Error).message}`)
  }
}

/** Write the whole file atomically, readable by its owner only (0600, in a 0700 directory when we create it). */
export function writeProfiles(file: ProfilesFile, env: NodeJS.ProcessEnv = process.env): string {
  const dir = configDir(env)
  const path = profilesPath(env)
  privateDir(dir, 'config directory')
  const tmp = `${path}.${process.pid}.tmp`
  const ordered: ProfilesFile = {current: file.current, profiles: file.profiles}
  // exclusive and not through a symlink: something planted at the temp path is refused, never followed
  const fd = openPrivate(tmp, 'new', 'config temp file')
  try {
    writeSync(fd, `${JSON.stringify(ordered, null, 2)}\n`)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
  return path
}

/** The profile `clerk config` acts on: --profile, CLERK_PROFILE, the current one, else "default". */
export function targetProfileName(
  flag: string | undefined,
  file: ProfilesFile,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return flag || env.CLERK_PROFILE || file.current || 'default'
}

export function checkProfileName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(name)) {
    throw usageError(`invalid profile name "${name}"`, 'use letters, digits, ".", "_" and "-" (at most 64)')
  }
  return name
}

/** The profile to use: the named one (flag or CLERK_PROFILE) must exist; otherwise the file's current one, if any. */
export function selectProfile(
  name: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): {name?: string; profile: Profile} {
  const file = readProfiles(env)
  if (name) {
    const profile = file.profiles[name]
    if (!profile)
      throw usageError(`no profile named "${name}"`, `create it with: clerk config set --profile ${name} secret-key`)
    return {name, profile}
  }
  if (file.current && file.profiles[file.current]) return {name: file.current, profile: file.profiles[file.current]}
  return {profile: {}}
}
