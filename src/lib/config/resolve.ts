import {closeSync, openSync, readSync} from 'node:fs'

import {parseDuration} from '../util/duration.js'
import {CliError, usageError} from '../util/errors.js'
import {selectProfile} from './profiles-file.js'
import {defaultRateForKey, parseRate, type Rate} from '../http/rate.js'

export const DEFAULT_API_URL = 'https://api.clerk.com'
export const DEFAULT_API_VERSION = 'v1'
export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/** Everything a command needs to reach one Clerk instance, resolved once: flag > env > profile > default. */
export interface Config {
  secretKey?: string
  apiUrl: string
  apiVersion: string
  publishableKey?: string
  /** the JWT public key's text, once read (by jwtKeyOf, for `token verify` only) */
  jwtKey?: string
  /** the JWT key as configured: PEM text or `@path`, unread */
  jwtKeyRef?: string
  profile?: string
  rate: Rate
  /** where the rate came from, for `--verbose` and plans */
  rateSource: 'flag' | 'env' | 'profile' | 'key default'
  timeoutMs: number
  maxConcurrent: number
  verbose: boolean
  interactive: boolean
  limiterRedis?: string
  limiterRedisOptional: boolean
  /** settings of the chosen profile that environment variables override (`CLERK_SECRET_KEY over secret-key`) */
  envOverrides: string[]
}

/** The flag values config cares about (as parsed by the base command). */
export interface ConfigFlags {
  'secret-key'?: string
  'api-url'?: string
  'api-version'?: string
  'jwt-key'?: string
  'publishable-key'?: string
  profile?: string
  'rate-limit'?: string
  timeout?: string
  concurrency?: number
  verbose?: boolean
  'no-input'?: boolean
  'limiter-redis'?: string
  'limiter-redis-optional'?: boolean
}

/** The most an `@file` value may hold: a PEM is a few KB, metadata or claims a few hundred. */
export const MAX_VALUE_FILE_BYTES = 1024 * 1024
export const MAX_JWT_KEY_BYTES = 64 * 1024

/**
 * `@path` reads a file (PEM keys, metadata, claims); anything else is the value itself. Bounded: at most
 * `maxBytes` are read (so `@/dev/zero` is exit 2, not an out-of-memory crash), and only by the command
 * that needs the value.
 */
export function readValue(value: string | undefined, maxBytes = MAX_VALUE_FILE_BYTES): string | undefined {
  if (!value?.startsWith('@')) return value
  const path = value.slice(1)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    throw usageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  try {
    const buf = Buffer.alloc(maxBytes + 1)
    let n = 0
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null)
      if (got === 0) break
      n += got
      if (n > maxBytes) throw usageError(`${path} is too big (more than ${Math.round(maxBytes / 1024)} KB)`)
    }
    return buf.subarray(0, n).toString('utf8')
  } catch (error) {
    if (error instanceof CliError) throw error
    throw usageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  } finally {
    closeSync(fd)
  }
}

function pick<T>(...sources: Array<[T | undefined, Config['rateSource']]>): [T | undefined, Config['rateSource']] {
  for (const [value, source] of sources) if (value !== undefined && value !== '') return [value, source]
  return [undefined, 'key default']
}

export function isInteractive(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY) && !env.CI
}

export function resolveConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): Config {
  const {name, profile} = selectProfile(flags.profile ?? env.CLERK_PROFILE, env)
  const secretKey = pick(
    [flags['secret-key'], 'flag'],
    [env.CLERK_SECRET_KEY, 'env'],
    [profile.secret_key, 'profile'],
  )[0]
  const [apiUrlText, apiUrlSource] = pick(
    [flags['api-url'], 'flag'],
    [env.CLERK_API_URL, 'env'],
    [profile.api_url, 'profile'],
  )
  const apiVersion =
    pick([flags['api-version'], 'flag'], [env.CLERK_API_VERSION, 'env'], [profile.api_version, 'profile'])[0] ??
    DEFAULT_API_VERSION
  const apiUrl = normalizeApiUrl(
    apiUrlText ?? DEFAULT_API_URL,
    apiVersion,
    apiUrlText === undefined ? 'the default' : sourceName(apiUrlSource, 'api-url', 'CLERK_API_URL', name),
  )
  const [rateText, rateSource] = pick(
    [flags['rate-limit'], 'flag'],
    [env.CLERK_RATE_LIMIT, 'env'],
    [profile.rate_limit, 'profile'],
  )
  let rate: Rate
  try {
    rate = rateText ? parseRate(rateText) : defaultRateForKey(secretKey)
  } catch (error) {
    throw usageError((error as Error).message)
  }
  const timeoutMs = parseTimeout(
    flags.timeout ?? env.CLERK_TIMEOUT ?? '30s',
    flags.timeout ? '--timeout' : 'CLERK_TIMEOUT',
  )
  // a profile was chosen (config use, --profile, CLERK_PROFILE) but the environment wins, per setting
  const envOverrides: string[] = []
  if (name) {
    const over = (envName: string, setting: string, value: string | undefined, flag: string | undefined) => {
      if (flag === undefined && env[envName] && value !== undefined && value !== '' && env[envName] !== value)
        envOverrides.push(`${envName} over ${setting}`)
    }
    over('CLERK_SECRET_KEY', 'secret-key', profile.secret_key, flags['secret-key'])
    over('CLERK_API_URL', 'api-url', profile.api_url, flags['api-url'])
    over('CLERK_API_VERSION', 'api-version', profile.api_version, flags['api-version'])
    over('CLERK_RATE_LIMIT', 'rate-limit', profile.rate_limit, flags['rate-limit'])
    over('CLERK_PUBLISHABLE_KEY', 'publishable-key', profile.publishable_key, flags['publishable-key'])
    over('CLERK_JWT_KEY', 'jwt-key', profile.jwt_key, flags['jwt-key'])
  }
  return {
    envOverrides,
    secretKey,
    apiUrl,
    apiVersion,
    publishableKey: pick(
      [flags['publishable-key'], 'flag'],
      [env.CLERK_PUBLISHABLE_KEY, 'env'],
      [profile.publishable_key, 'profile'],
    )[0],
    // not read here: only `token verify` needs it (see jwtKeyOf), so a bad @file breaks no other command
    jwtKeyRef: pick([flags['jwt-key'], 'flag'], [env.CLERK_JWT_KEY, 'env'], [profile.jwt_key, 'profile'])[0],
    profile: name,
    rate,
    rateSource,
    timeoutMs,
    maxConcurrent: flags.concurrency ?? 8,
    verbose: Boolean(flags.verbose),
    interactive: !flags['no-input'] && isInteractive(env),
    limiterRedis: flags['limiter-redis'] ?? env.CLERK_LIMITER_REDIS_URL,
    limiterRedisOptional: Boolean(flags['limiter-redis-optional']),
  }
}

/** Request timeouts people mean: from 100 ms to an hour (Node timers break past 2^31-1 ms, about 24.8 days). */
export const TIMEOUT_RANGE = {minMs: 100, maxMs: 3_600_000, text: 'from 100ms to 1h'}

function parseTimeout(text: string, name: string): number {
  let ms: number
  try {
    ms = parseDuration(text)
  } catch (error) {
    throw usageError(`${name}: ${(error as Error).message}`)
  }
  if (ms < TIMEOUT_RANGE.minMs || ms > TIMEOUT_RANGE.maxMs)
    throw usageError(`${name} must be ${TIMEOUT_RANGE.text} (got ${text})`, 'e.g. --timeout 30s (the default)')
  return ms
}

function sourceName(source: Config['rateSource'], flag: string, envName: string, profile: string | undefined): string {
  if (source === 'flag') return `--${flag}`
  if (source === 'env') return envName
  return `profile ${profile ?? ''} ${flag}`.replace('  ', ' ')
}

/**
 * The API URL as @clerk/backend wants it: http(s) only, no trailing slash, and without the version path
 * (`https://api.clerk.com/v1` would send every request to /v1/v1/...): that suffix is dropped.
 */
export function normalizeApiUrl(text: string, apiVersion: string, from: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw usageError(
      `invalid API URL "${text}" (from ${from})`,
      'use e.g. https://api.clerk.com or http://127.0.0.1:8787',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usageError(
      `the API URL must be http:// or https:// (got ${url.protocol}// from ${from})`,
      'use e.g. https://api.clerk.com or http://127.0.0.1:8787',
    )
  let path = url.pathname.replace(/\/+$/, '')
  const version = `/${apiVersion.replace(/^\/+|\/+$/g, '')}`
  if (path.endsWith(version)) path = path.slice(0, -version.length)
  return `${url.origin}${path}`
}

export const instanceKind = (secretKey: string | undefined) =>
  secretKey?.startsWith('sk_live_') ? 'production' : secretKey?.startsWith('sk_test_') ? 'development' : 'unknown'

/** The JWT public key: read (bounded, 64 KB) on first use by the command that needs it. */
export function jwtKeyOf(config: Config): string | undefined {
  return config.jwtKey ?? readValue(config.jwtKeyRef, MAX_JWT_KEY_BYTES)
}
