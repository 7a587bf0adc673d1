/**
 * The shared (Redis) limiter end to end: real bin/run.js processes, a real emulator, a real redis-server.
 */
import {writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'

import {pagedListArgs, type CliResult, verboseStats} from '../helpers/cli.js'
import {withEmulator} from '../helpers/harness.js'
import {NO_REDIS_MESSAGE, type TestRedis, hasRedisServer, startRedis} from '../helpers/redis.js'

if (!hasRedisServer) console.warn(NO_REDIS_MESSAGE)

let redis: TestRedis | undefined

beforeAll(async () => {
  if (hasRedisServer) redis = await startRedis()
})
afterAll(async () => {
  await redis?.stop()
})
afterEach(async () => {
  await redis?.start() // a test may have stopped it
})

const USERS = 40 // per process: 1 count + 40 pages of one user = 41 requests, 123 for three processes

/** Three `users list --all --page-size 1` at once against one instance limited to 30/3s. */
async function threeAtOnce(extra: string[]): Promise<{runs: CliResult[]; requests: number; limited: number}> {
  return withEmulator({rateLimit: {limit: 30, windowMs: 3000}}, async (t) => {
    t.emu.store.seedUsers(USERS)
    const args = [...pagedListArgs('30/3s'), ...extra]
    const runs = await Promise.all([0, 1, 2].map(() => t.run(args, {timeoutMs: 120_000})))
    for (const r of runs) {
      expect(r.code, r.stderr.slice(-2000)).toBe(0)
      expect(
        new Set(
          r.stdout
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l).id),
        ).size,
      ).toBe(USERS)
    }
    const log = t.emu.requests.filter((q) => q.path.startsWith('/v1/'))
    const limited = log.filter((q) => q.status === 429).length
    console.log(
      `three processes ${extra.length ? 'with' : 'without'} the shared limiter: ${limited} 429s among ${log.length} requests`,
    )
    // every attempt of every process is one job of its limiter, and the emulator saw exactly those
    expect(runs.reduce((n, r) => n + verboseStats(r.stderr)!.requests, 0)).toBe(log.length)
    expect(log.filter((q) => q.status === 200)).toHaveLength(3 * (USERS + 1))
    return {runs, requests: log.length, limited}
  })
}

describe.skipIf(!hasRedisServer)('three CI jobs, one instance, one budget (30/3s)', () => {
  it('with --limiter-redis they pace as one client: (almost) no 429s, all work done', async () => {
    const {limited, requests} = await threeAtOnce(['--limiter-redis', redis!.url])
    expect(limited / requests).toBeLessThanOrEqual(0.01)
  })

  it('without it each spends the whole budget: the 429 storm, yet every job still completes', async () => {
    const {limited, requests, runs} = await threeAtOnce([])
    // each process alone would be fine; together they ask ~3x the budget. The local limiters pause and slow
    // down (x1.25 per burst) so the storm stays bounded, but it is there: well above the shared run's 1 %
    expect(limited / requests, `429s among ${requests} requests`).toBeGreaterThan(0.02)
    expect(limited / requests, `429s among ${requests} requests`).toBeLessThan(0.5)
    expect(runs.some((r) => /rate limited \(HTTP 429\)/.test(r.stderr))).toBe(true)
  })
})

describe.skipIf(!hasRedisServer)('failure behaviour', () => {
  it('Redis unreachable at start: one clear error and exit 1; --limiter-redis-optional falls back with a warning', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.emu.store.seedUsers(2)
      await redis!.stop()
      const url = `redis://:s3cretpass@127.0.0.1:${redis!.port}`
      const r = await t.run(['users', 'list', '-o', 'json', '--limiter-redis', url])
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(
        new RegExp(
          `^Error: cannot reach the shared limiter's Redis at redis://127\\.0\\.0\\.1:${redis!.port} \\(ECONNREFUSED\\)\\n`,
        ),
      )
      expect(r.stderr).not.toContain('s3cretpass')
      expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
      expect(t.emu.requests).toEqual([])

      const ok = await t.run(['users', 'list', '-o', 'json', '--limiter-redis-optional'], {
        env: {CLERK_LIMITER_REDIS_URL: url},
      })
      expect(ok.code, ok.stderr).toBe(0)
      expect(JSON.parse(ok.stdout)).toHaveLength(2)
      expect(ok.stderr).toMatch(
        /warning: cannot reach the shared limiter's Redis at redis:\/\/127\.0\.0\.1:\d+; using a local limiter/,
      )
      expect(ok.stderr).not.toContain('s3cretpass')
    }))

  it('a URL that is not redis:// is a usage error (exit 2), even with --limiter-redis-optional', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const r = await t.run(['users', 'list', '--limiter-redis', 'localhost:6379', '--limiter-redis-optional'])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/^Error: invalid --limiter-redis URL/)
    }))

  it('Redis lost mid-run (stopped, restarted empty): the run waits, reconnects and loses nothing', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.emu.store.seedUsers(40)
      // 41 requests at 10/s take about 4 s: Redis goes away for a while in the middle
      const run = t.start([...pagedListArgs('10/1s'), '--limiter-redis', redis!.url], {timeoutMs: 120_000})
      while (t.emu.requests.length < 8 && run.child.exitCode === null) await new Promise((r) => setTimeout(r, 50))
      await redis!.stop()
      const atStop = t.emu.requests.length
      await new Promise((r) => setTimeout(r, 2000))
      // a request or two already past the limiter may land; nothing new is scheduled without Redis
      expect(t.emu.requests.length - atStop).toBeLessThanOrEqual(3)
      await redis!.start()
      const r = await run.done
      expect(r.code, r.stderr.slice(-2000)).toBe(0)
      expect(
        new Set(
          r.stdout
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l).id),
        ).size,
      ).toBe(40)
      expect(r.stderr).toMatch(
        /lost the connection to the shared limiter's Redis at redis:\/\/127\.0\.0\.1:\d+: requests wait until it is back/,
      )
      expect(r.stderr).toMatch(/reconnected to the shared limiter's Redis/)
      expect(t.emu.requests.filter((q) => q.path.startsWith('/v1/') && q.status === 200)).toHaveLength(41)
      expect(verboseStats(r.stderr)?.requests).toBe(t.emu.requests.filter((q) => q.path.startsWith('/v1/')).length)
    }))
})

describe.skipIf(!hasRedisServer)('no Redis code without the flag', () => {
  // a preload that reports, at exit, whether ioredis was ever loaded (ESM imports of CommonJS packages
  // go through the CommonJS loader, so they show in require.cache)
  const probe = join(tmpdir(), `clerk-ioredis-probe-${process.pid}.cjs`)
  beforeAll(() => {
    writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('ioredis loaded: ' + Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]ioredis[\\\\/]/.test(k)) + '\\n'))\n`,
    )
  })

  it('loads ioredis only with --limiter-redis', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.emu.store.seedUsers(1)
      const env = {NODE_OPTIONS: `--require ${probe}`}
      const plain = await t.run(['users', 'list', '-o', 'json'], {env})
      expect(plain.code, plain.stderr).toBe(0)
      expect(plain.stderr).toContain('ioredis loaded: false')
      const shared = await t.run(['users', 'list', '-o', 'json', '--limiter-redis', redis!.url], {env})
      expect(shared.code, shared.stderr).toBe(0)
      expect(shared.stderr).toContain('ioredis loaded: true')
    }))
})
