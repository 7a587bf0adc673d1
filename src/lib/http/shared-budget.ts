/**
 * One rate budget across processes and machines: bottleneck's Redis datastore (clustering) plus a shared
 * 429 pause, so CI jobs that talk to the same Clerk instance pace themselves as one client.
 *
 * Loaded only when --limiter-redis / CLERK_LIMITER_REDIS_URL is set (client.ts imports it lazily), and it
 * loads ioredis lazily itself: without the flag no Redis code is ever loaded.
 *
 * We use `@maselious/bottleneck` 2.19.8: bottleneck 2.19.5 byte for byte except the two-line fix for
 * Redis >= 7, which prefixes script errors with "ERR " so that stock 2.19.5 no longer recognises
 * SETTINGS_KEY_NOT_FOUND / UNKNOWN_CLIENT and fails jobs instead of re-registering (bottleneck
 * issues #205/#212/#219). A fork needs no install script, so it also works where patch-package would not
 * run (a user's `npm install -g`, pnpm, --ignore-scripts) or could not find a hoisted bottleneck.
 */
import {createHash} from 'node:crypto'

import type BottleneckType from '@maselious/bottleneck'
import type {Redis as RedisClient} from 'ioredis'

import {CliError, ExitCode, usageError} from '../util/errors.js'
import type {SharedPause} from './limiter.js'

export interface SharedBudget {
  /** options for the Bottleneck constructor (Limiter.create passes them on) */
  bottleneck: BottleneckType.ConstructorOptions
  /** the 429 pause every process sharing the budget sees */
  shared: SharedPause
  /** the limiter id in Redis (contains a hash of the secret key, never the key) */
  id: string
}

export interface SharedBudgetOptions {
  /** one-line notices for people (stderr) */
  notify?: (message: string) => void
  /** how long to try reaching Redis at start before giving up */
  connectTimeoutMs?: number
}

/**
 * The id for one Clerk instance: the budget is per instance, and the instance is what the secret key
 * names. Only a hash goes to Redis. The `{...}` is a Redis Cluster hash tag: all of bottleneck's keys
 * for this limiter land in one slot, as its Lua scripts require.
 */
export function instanceId(secretKey: string): string {
  const hash = createHash('sha256').update(`clerk-admin:${secretKey}`).digest('hex').slice(0, 20)
  return `clerk-admin-{${hash}}`
}

/** `redis://user:pass@host:6379/0` -> `redis://host:6379` (what may be shown in messages). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}`
  } catch {
    return '(invalid URL)'
  }
}

// extend the shared pause only if the new one ends later (a shorter 429 must not cut a longer pause short)
const PAUSE_SCRIPT = `
local left = redis.call('pttl', KEYS[1])
if left < tonumber(ARGV[1]) then
  redis.call('set', KEYS[1], '1', 'PX', ARGV[1])
  return 1
end
return 0`

type PauseClient = RedisClient & {clerkAdminPause(key: string, ms: number): Promise<number>}

/** Connect to Redis (or fail with one clear line), and return the options that make the limiter shared. */
export async function connectSharedBudget(
  url: string,
  secretKey: string,
  options: SharedBudgetOptions = {},
): Promise<SharedBudget> {
  if (!/^rediss?:\/\//.test(url)) {
    throw usageError(`invalid --limiter-redis URL "${displayUrl(url)}"`, 'use redis://host:6379 (or rediss:// for TLS)')
  }
  const [{Redis: IORedis}, {default: Bottleneck}] = await Promise.all([
    import('ioredis'),
    import('@maselious/bottleneck'),
  ])
  const where = displayUrl(url)
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000
  const client = new IORedis(url, {
    // while Redis is away, commands wait for the reconnect instead of failing: the run pauses, nothing is lost
    maxRetriesPerRequest: null,
    connectTimeout: connectTimeoutMs,
    retryStrategy: (times) => Math.min(100 * times, 2000),
  }) as PauseClient
  try {
    // the first attempt decides: an unreachable Redis at start is an error, not a wait
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${connectTimeoutMs} ms`)), connectTimeoutMs)
      client.once('ready', () => {
        clearTimeout(timer)
        resolve()
      })
      client.once('error', (error: Error & {code?: string}) => {
        clearTimeout(timer)
        reject(new Error(error.code ?? error.message))
      })
    })
  } catch (error) {
    client.disconnect()
    throw new CliError(
      `cannot reach the shared limiter's Redis at ${where} (${(error as Error).message})`,
      ExitCode.FAILURE,
      {
        hint: 'start Redis or fix --limiter-redis / CLERK_LIMITER_REDIS_URL; --limiter-redis-optional falls back to a local limiter',
      },
    )
  }
  // later errors are connection drops: reported by 'close' below, handled by reconnecting
  client.on('error', () => undefined)

  let lost = false
  client.on('close', () => {
    if (lost) return
    lost = true
    options.notify?.(`lost the connection to the shared limiter's Redis at ${where}: requests wait until it is back`)
  })
  client.on('ready', () => {
    if (!lost) return
    lost = false
    options.notify?.(`reconnected to the shared limiter's Redis at ${where}: resuming`)
  })

  client.defineCommand('clerkAdminPause', {numberOfKeys: 1, lua: PAUSE_SCRIPT})
  const id = instanceId(secretKey)
  const pauseKey = `clerk-admin:${id}:pause`
  const connection = new Bottleneck.IORedisConnection({Redis: IORedis, client})
  let closed = false
  const shared: SharedPause = {
    async remainingMs() {
      const left = await client.pttl(pauseKey)
      return left > 0 ? left : 0
    },
    async pause(ms: number) {
      await client.clerkAdminPause(pauseKey, Math.max(1, Math.round(ms)))
    },
    async close() {
      if (closed) return
      closed = true
      lost = true // no "lost the connection" notice for our own goodbye
      await connection.disconnect(false)
    },
  }
  return {
    id,
    shared,
    bottleneck: {
      datastore: 'ioredis',
      // several processes share these keys: clearing them would reset the others' accounting mid-run
      clearDatastore: false,
      id,
      // the keys expire after an hour unused, so a stale budget (e.g. a slowed pace) does not linger
      timeout: 3_600_000,
      // how often each process says it is alive and expired jobs are freed (bottleneck's default: 5 s)
      heartbeatInterval: 2000,
      connection,
      // bottleneck would otherwise load the client with eval("require"), which ESM and bundlers do not see
      Redis: IORedis,
    } as BottleneckType.ConstructorOptions,
  }
}
