/**
 * The shared limiter in-process: two Limiters on one redis-server stand for two processes (each has its
 * own Redis connections, exactly as two CLI runs would).
 */
import {Redis} from 'ioredis'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'

import {createLimiter} from '../../src/lib/http/client.js'
import type {Config} from '../../src/lib/config/resolve.js'
import {Limiter} from '../../src/lib/http/limiter.js'
import {connectSharedBudget, displayUrl, instanceId} from '../../src/lib/http/shared-budget.js'
import {NO_REDIS_MESSAGE, type TestRedis, hasRedisServer, startRedis} from '../helpers/redis.js'

if (!hasRedisServer) console.warn(NO_REDIS_MESSAGE)

const SECRET = 'sk_test_limiterRedisTestKey0123456789'
let redis: TestRedis | undefined
let admin: Redis | undefined
const open: Limiter[] = []

beforeAll(async () => {
  if (!hasRedisServer) return
  redis = await startRedis()
  admin = new Redis(redis.url)
})
afterAll(async () => {
  admin?.disconnect()
  await redis?.stop()
})
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.stop()))
  await admin?.flushall()
})

function config(extra: Partial<Config> = {}): Config {
  return {
    secretKey: SECRET,
    apiUrl: 'http://127.0.0.1:1',
    apiVersion: 'v1',
    rate: {limit: 10, windowMs: 1000},
    rateSource: 'flag',
    timeoutMs: 5000,
    maxConcurrent: 2,
    verbose: false,
    interactive: false,
    limiterRedis: redis?.url,
    limiterRedisOptional: false,
    ...extra,
  }
}

async function limiter(extra: Partial<Config> = {}, notes: string[] = []): Promise<Limiter> {
  const l = await createLimiter(config(extra), {notify: (m) => notes.push(m)})
  open.push(l)
  return l
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('instance id', () => {
  it('is a hash of the secret key inside a Redis Cluster hash tag, never the key', () => {
    const id = instanceId(SECRET)
    expect(id).toMatch(/^clerk-admin-\{[0-9a-f]{20}\}$/)
    expect(id).not.toContain(SECRET.slice(8))
    expect(instanceId(SECRET)).toBe(id)
    expect(instanceId(`${SECRET}x`)).not.toBe(id)
  })

  it('shows a Redis URL without its password', () => {
    expect(displayUrl('redis://user:hunter2@cache.internal:6380/2')).toBe('redis://cache.internal:6380')
  })
})

describe.skipIf(!hasRedisServer)('bottleneck clustering through Redis', () => {
  it('enforces minTime and maxConcurrent across processes, not per process', async () => {
    const [a, b] = [await limiter(), await limiter()] // 10/1s: minTime 103 ms; at most 2 running in all
    expect(a.interval).toBeCloseTo(103, 0)
    let running = 0
    let maxRunning = 0
    const starts: number[] = []
    const job = async () => {
      starts.push(Date.now())
      maxRunning = Math.max(maxRunning, ++running)
      await sleep(150)
      running--
    }
    const N = 8
    await Promise.all([...Array.from({length: N}, () => a.run(job)), ...Array.from({length: N}, () => b.run(job))])
    expect(starts).toHaveLength(2 * N)
    // each limiter alone would allow 2 running and 10/s: together 4 and 20/s
    expect(maxRunning).toBeLessThanOrEqual(2)
    starts.sort((x, y) => x - y)
    const gaps = starts.slice(1).map((t, i) => t - starts[i])
    const median = [...gaps].sort((x, y) => x - y)[Math.floor(gaps.length / 2)]
    expect(median).toBeGreaterThanOrEqual(90)
    // 16 starts need at least 15 intervals (load only makes this longer)
    expect(starts.at(-1)! - starts[0]).toBeGreaterThanOrEqual(15 * 103 * 0.85)
    expect(a.stats.jobs + b.stats.jobs).toBe(2 * N)
  })

  it('a 429 seen by one process pauses the others', async () => {
    const notesB: string[] = []
    const a = await limiter()
    const b = await limiter({}, notesB)
    await b.run(async () => undefined) // b is up and running
    const t0 = Date.now()
    a.pauseFor(1500)
    await sleep(50) // the pause reaches Redis
    const startedAt = await b.run(async () => Date.now())
    expect(startedAt - t0).toBeGreaterThanOrEqual(1400)
    expect(b.stats.pauses).toBe(1)
    expect(notesB.join('\n')).toMatch(/rate limited \(HTTP 429 seen by a process sharing this budget\), waiting \d+s/)
    // a shorter 429 later does not cut a longer shared pause short
    a.pauseFor(5000)
    a.pauseFor(100)
    await sleep(50)
    expect(await admin!.pttl(`clerk-admin:${instanceId(SECRET)}:pause`)).toBeGreaterThan(3000)
  })

  it('survives its keys vanishing (Redis 7: the SETTINGS_KEY_NOT_FOUND / UNKNOWN_CLIENT fix)', async () => {
    // stock bottleneck 2.19.5 fails every job after this with "ERR SETTINGS_KEY_NOT_FOUND" on Redis >= 7
    const l = await limiter({rate: {limit: 100, windowMs: 1000}})
    expect(await Promise.all([1, 2, 3].map((n) => l.run(async () => n)))).toEqual([1, 2, 3])
    expect(await admin!.exists(`b_${instanceId(SECRET)}_settings`)).toBe(1)
    await admin!.flushall() // as after a restart without persistence, or expiry
    expect(await Promise.all([4, 5, 6].map((n) => l.run(async () => n)))).toEqual([4, 5, 6])
    expect(await admin!.exists(`b_${instanceId(SECRET)}_settings`)).toBe(1)
    // our client was re-registered too (UNKNOWN_CLIENT path)
    expect(await admin!.zcard(`b_${instanceId(SECRET)}_client_last_seen`)).toBe(1)
  })

  it('a process that dies mid-request does not keep its slot for ever: the others go on once the job expires', async () => {
    const a = await limiter({maxConcurrent: 1, timeoutMs: 500}) // a job may hold a slot 0.5 s + 5 s
    let release!: () => void
    const hung = a.run(() => new Promise<string>((resolve) => (release = () => resolve('late'))))
    await sleep(300) // a's request holds the only slot
    await a.stop() // a dies without a goodbye: Redis still counts its running job
    const b = await limiter({maxConcurrent: 1, timeoutMs: 500})
    expect(await b.run(async () => 'ok')).toBe('ok')
    release()
    expect(await hung).toBe('late') // and a job that outlives its slot still delivers its own answer
  })

  it("a pause that outlasts a job's slot sends each request once, after the pause", async () => {
    const budget = await connectSharedBudget(redis!.url, SECRET)
    const l = await Limiter.create({
      rate: {limit: 10, windowMs: 1000},
      maxConcurrent: 1,
      ...budget,
      jobExpirationMs: 300,
    })
    open.push(l)
    const t0 = Date.now()
    l.pauseFor(1200) // jobs expire (300 ms) while they wait in the gate, and are scheduled again
    const sent: number[] = []
    const times = await Promise.all([1, 2, 3].map((n) => l.run(async () => sent.push(n) && Date.now() - t0)))
    expect(Math.min(...times)).toBeGreaterThanOrEqual(1100)
    expect(sent.sort()).toEqual([1, 2, 3])
    await sleep(500)
    expect(sent).toHaveLength(3)
    expect(l.stats.jobs).toBe(3)
  })

  it('the last process to start sets the shared pace and concurrency', async () => {
    await limiter({rate: {limit: 1, windowMs: 1000}})
    await limiter()
    const [minTime, maxConcurrent] = await admin!.hmget(`b_${instanceId(SECRET)}_settings`, 'minTime', 'maxConcurrent')
    expect(Number(minTime)).toBe(103)
    expect(Number(maxConcurrent)).toBe(2)
  })

  it('unreachable at start: an error naming the host, or (optional) a local limiter with a warning', async () => {
    const url = 'redis://:pw@127.0.0.1:1'
    await expect(limiter({limiterRedis: url})).rejects.toMatchObject({
      exitCode: 1,
      message: "cannot reach the shared limiter's Redis at redis://127.0.0.1:1 (ECONNREFUSED)",
    })
    const notes: string[] = []
    const local = await limiter({limiterRedis: url, limiterRedisOptional: true}, notes)
    expect(await local.run(async () => 'ok')).toBe('ok')
    expect(notes).toEqual([
      expect.stringMatching(
        /^warning: cannot reach the shared limiter's Redis at redis:\/\/127\.0\.0\.1:1; using a local limiter/,
      ),
    ])
  })
})
