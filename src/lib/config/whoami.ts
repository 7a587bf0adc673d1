/** `clerk whoami` / `clerk status`: which instance the resolved config points at, and whether its key works. */
import type {Client} from '../http/client.js'
import {type Config, instanceKind} from './resolve.js'
import {type CliError, NETWORK_ERROR_CODE, toCliError} from '../util/errors.js'
import {maskSecret} from '../util/mask.js'
import {formatRate} from '../http/rate.js'

export interface WhoAmI {
  profile: string | null
  instance: string
  api_url: string
  secret_key: string
  key_source: string
  rate_limit: string
  /** true: the key works; false: BAPI rejected it; null: not checked (no key, or the API could not be reached) */
  key_works: boolean | null
  /** profile settings the environment overrides, e.g. `CLERK_SECRET_KEY over secret-key` */
  env_overrides: string[]
  error?: string
  [key: string]: unknown
}

export function describeConfig(cfg: Config, env: NodeJS.ProcessEnv = process.env): WhoAmI {
  return {
    profile: cfg.profile ?? null,
    instance: instanceKind(cfg.secretKey),
    api_url: cfg.apiUrl,
    secret_key: maskSecret(cfg.secretKey),
    // where the key came from: the flag is rare; env beats a profile (precedence flag > env > profile)
    key_source: !cfg.secretKey
      ? 'none'
      : env.CLERK_SECRET_KEY === cfg.secretKey
        ? 'env CLERK_SECRET_KEY'
        : cfg.profile
          ? `profile ${cfg.profile}`
          : 'flag',
    rate_limit: `${formatRate(cfg.rate)} (${cfg.rateSource})`,
    key_works: false,
    env_overrides: cfg.envOverrides,
  }
}

/**
 * One cheap authenticated request: GET /v1/jwks (Clerk does not rate-limit it, and the instance is known
 * only from the key, so a rejected key is a 401). Returns the error instead of throwing.
 */
export async function checkKey(client: Client): Promise<CliError | undefined> {
  try {
    await client.request('GET', '/jwks')
    return undefined
  } catch (error) {
    return toCliError(error)
  }
}

/** What whoami says about the key after checking it: works, rejected, or unknown (the API was not reached). */
export function keyVerdict(error: CliError | undefined): {works: boolean | null; text?: string} {
  if (!error) return {works: true}
  if (error.extra.code === NETWORK_ERROR_CODE)
    return {works: null, text: `could not reach the API, the key was not checked: ${error.message}`}
  return {works: false, text: error.message}
}
