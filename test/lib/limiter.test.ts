import {describe, expect, it} from 'vitest'

import {pagedListArgs, runCli, verboseStats} from '../helpers/cli.js'
import {withEmulator} from '../helpers/harness.js'

describe('the shared limiter, through a spawned bin/run.js (production fetch capture)', () => {
  it('survives a 429 storm: every result arrives, nothing leaves while paused, Retry-After is honoured', () =>
    withEmulator({rateLimit: {limit: 20, windowMs: 2000}}, async (t) => {
      t.emu.store.seedUsers(299)
      // the client believes it may send 1000/s: only the server's 429s can hold it back
      const r = await t.run(pagedListArgs('1000/1s'), {
        timeoutMs: 120_000,
      })
      expect(r.code, r.stderr.slice(-2000)).toBe(0)
      const ids = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id)
      expect(new Set(ids).size).toBe(299)

      const log = t.emu.requests.filter((q) => q.path.startsWith('/v1/'))
      const limited = log.filter((q) => q.status === 429)
      expect(limited.length).toBeGreaterThan(0)
      // each attempt is one limiter job: the emulator saw exactly what the limiter sent
      expect(verboseStats(r.stderr)).toMatchObject({requests: log.length, rateLimited: limited.length})
      expect(log.filter((q) => q.status === 200)).toHaveLength(300)
      expect(r.stderr).toMatch(/rate limited \(HTTP 429\), waiting \d+s/)

      // after a 429 (Retry-After 1 s here) no new request starts until the pause is over;
      // requests already in flight when the 429 arrived may still land (50 ms of slack)
      for (const q of limited) {
        const pauseEnd = q.endedAt + 1000
        const during = log.filter((x) => x.startedAt > q.endedAt + 50 && x.startedAt < pauseEnd - 50)
        expect(during, `requests during the pause after the 429 at ${q.endedAt}`).toEqual([])
      }
    }))

  it('paces itself to a known budget: no 429s at all', () =>
    withEmulator({rateLimit: {limit: 20, windowMs: 2000}}, async (t) => {
      t.emu.store.seedUsers(39)
      const r = await t.run(pagedListArgs('20/2s'))
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout.trim().split('\n')).toHaveLength(39)
      expect(t.emu.requests.filter((q) => q.status === 429)).toEqual([])
      expect(verboseStats(r.stderr)?.requests).toBe(40)
    }))

  it('retries a GET after a 503 and after a connection reset', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.emu.store.seedUsers(1)
      t.emu.injectFault({method: 'GET', path: '^/v1/users$', kind: 'status', status: 503, times: 1})
      t.emu.injectFault({method: 'GET', path: '^/v1/users$', kind: 'reset', times: 1})
      const r = await t.run(['users', 'list', '-o', 'json', '--verbose'])
      expect(r.code, r.stderr).toBe(0)
      expect(JSON.parse(r.stdout)).toHaveLength(1)
      expect(t.emu.requests.filter((q) => q.path === '/v1/users')).toHaveLength(3)
      expect(verboseStats(r.stderr)?.requests).toBe(3)
    }))

  it('gives up on a GET after bounded attempts: exit 1 with the status', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.emu.injectFault({method: 'GET', path: '^/v1/users$', kind: 'status', status: 502, times: 100})
      const r = await t.run(['users', 'list'])
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/HTTP 502/)
      expect(t.emu.requests.filter((q) => q.path === '/v1/users')).toHaveLength(4)
    }))

  it('times out a request that never answers (--timeout), retrying the GET', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      t.emu.store.seedUsers(2)
      t.emu.injectFault({method: 'GET', path: '^/v1/users$', kind: 'hang', times: 1})
      const ok = await t.run(['users', 'list', '-o', 'json', '--timeout', '500ms'])
      expect(ok.code, ok.stderr).toBe(0)
      expect(JSON.parse(ok.stdout)).toHaveLength(2)

      t.emu.injectFault({method: 'GET', path: '^/v1/users$', kind: 'hang', times: 100})
      const fail = await t.run(['users', 'list', '--timeout', '300ms'])
      expect(fail.code).toBe(1)
      expect(fail.stderr).toMatch(/^Error: no answer from http:\/\/127.0.0.1:\d+ within 0.3s/m)
    }))

  it('a wrong secret key is exit 3 with a hint, and the key is never printed', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const wrong = 'sk_test_thisIsNotTheRightKey1234'
      const r = await t.run(['users', 'list', '--verbose'], {env: {CLERK_SECRET_KEY: wrong}})
      expect(r.code).toBe(3)
      expect(r.stderr).toMatch(/HTTP 401/)
      expect(r.stderr).toMatch(/sk_test_\*\*\*\*1234/)
      expect(r.stdout + r.stderr).not.toContain(wrong)
    }))

  it('a secret key on the command line works but is warned about, and stays masked', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const r = await t.run(['users', 'list', '--secret-key', t.emu.secretKey, '--verbose'], {
        env: {CLERK_SECRET_KEY: undefined},
      })
      expect(r.code, r.stderr).toBe(0)
      expect(r.stderr).toMatch(/visible to other users in `ps`/)
      expect(r.stdout + r.stderr).not.toContain(t.emu.secretKey)
    }))

  it('usage errors are exit 2: unknown flag, bad rate; a missing key is exit 3', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const flag = await t.run(['users', 'list', '--frobnicate'])
      expect(flag.code).toBe(2)
      expect(flag.stderr).toMatch(/unknown flag --frobnicate/)
      const rate = await t.run(['users', 'list', '--rate-limit', 'fast'])
      expect(rate.code).toBe(2)
      expect(rate.stderr).toMatch(/invalid rate "fast"/)
      const noKey = await runCli(['users', 'list'], {env: {CLERK_API_URL: t.emu.url}})
      expect(noKey.code).toBe(3)
      expect(noKey.stderr).toMatch(/no secret key/)
      expect(t.emu.requests).toHaveLength(0)
    }))
})
