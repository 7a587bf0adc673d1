/**
 * Network and URL mistakes a newcomer makes: nothing listening, a URL ending in /v1, a non-http scheme,
 * absurd timeouts and rate windows. Errors name the host and what to check; bad values are exit 2.
 */
import {createServer as createHttpServer} from 'node:http'
import {createServer} from 'node:net'
import {describe, expect, it} from 'vitest'

import {runCli} from '../helpers/cli.js'
import {useEmulator} from '../helpers/harness.js'

/** a port with nothing listening on it (bound, then released) */
async function deadPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as {port: number}).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

const KEY = 'sk_test_aaaabbbbccccdddd'

describe('nothing listening', () => {
  it('names the host, the cause and what to check; whoami says the key was not checked', async () => {
    const url = `http://127.0.0.1:${await deadPort()}`
    const env = {CLERK_API_URL: url, CLERK_SECRET_KEY: KEY}
    const list = await runCli(['users', 'list'], {env})
    expect(list.code, list.stderr).toBe(1)
    expect(list.stderr).toContain(
      `Error: cannot reach ${url}: connection refused, nothing listening there (ECONNREFUSED)`,
    )
    expect(list.stderr).toMatch(/^Hint: check the API URL .*clerk whoami.*clerk emulator start/m)

    const who = await runCli(['whoami', '-o', 'json'], {env})
    expect(who.code, who.stderr).toBe(1)
    const info = JSON.parse(who.stdout)
    expect(info.key_works).toBeNull()
    expect(info.error).toMatch(/^could not reach the API, the key was not checked: cannot reach /)
    expect(who.stderr).not.toMatch(/key (does not work|rejected)/i)
    const table = await runCli(['whoami'], {env})
    expect(table.stdout).toMatch(/KEY WORKS\s*│\s*unknown \(not checked\)/)
  })
})

describe('the API URL', () => {
  const t = useEmulator({rateLimit: 'off'})

  it('drops a trailing /v1 (requests go to /v1/users, not /v1/v1/users)', async () => {
    t.seedUsers(2)
    for (const suffix of ['/v1', '/v1/', '/']) {
      const since = t.mark()
      const users = await t.json(['users', 'list'], {env: {CLERK_API_URL: `${t.emu.url}${suffix}`}})
      expect(users).toHaveLength(2)
      expect(since().map((r) => r.path)).toEqual(['/v1/users'])
    }
    const who = await t.json(['whoami', '--api-url', `${t.emu.url}/v1`])
    expect(who.api_url).toBe(t.emu.url)
    expect(who.key_works).toBe(true)
  })

  it('a URL that redirects (http:// for https://) is a usage error naming where to; the key is not sent on', async () => {
    const seen: string[] = []
    const redirect = createHttpServer((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      res.writeHead(301, {location: `${t.emu.url}${req.url}`}).end()
    })
    await new Promise<void>((resolve) => redirect.listen(0, '127.0.0.1', resolve))
    const from = `http://127.0.0.1:${(redirect.address() as {port: number}).port}`
    try {
      const since = t.mark()
      const r = await t.usage(['users', 'list'], {env: {CLERK_API_URL: from}})
      expect(r.stderr.split('\n')[0]).toBe(
        `Error: the API URL ${from} answered 301, redirecting to ${t.emu.url}/v1/users?order_by=-created_at&limit=10&offset=0`,
      )
      expect(r.stderr).toMatch(/^Hint: set the API URL to the address it redirects to/m)
      expect(seen).toHaveLength(1)
      expect(since()).toEqual([])
    } finally {
      await new Promise<void>((resolve) => redirect.close(() => resolve()))
    }
  })

  it('takes only http(s) URLs: anything else is a usage error naming where it came from', async () => {
    for (const [args, env, from] of [
      [['--api-url', 'ftp://api.example.com'], {}, '--api-url'],
      [[], {CLERK_API_URL: 'file:///etc/passwd'}, 'CLERK_API_URL'],
    ] as const) {
      const since = t.mark()
      const r = await t.usage(['users', 'list', ...args], {env})
      expect(r.stderr).toMatch(
        new RegExp(`^Error: the API URL must be http:// or https:// \\(got \\w+:// from ${from}\\)`, 'm'),
      )
      expect(r.stderr).toMatch(/^Hint: use e\.g\. https:\/\/api\.clerk\.com/m)
      expect(since()).toEqual([])
    }
    const junk = await t.usage(['users', 'list', '--api-url', 'not a url'])
    expect(junk.stderr).toMatch(/^Error: invalid API URL "not a url" \(from --api-url\)/m)
  })
})

describe('values out of range are exit 2, with the range', () => {
  const t = useEmulator({rateLimit: 'off'})

  it('--timeout and CLERK_TIMEOUT', async () => {
    for (const [args, env, text] of [
      [['--timeout', '0'], {}, '--timeout must be from 100ms to 1h (got 0)'],
      [['--timeout', '50d'], {}, '--timeout must be from 100ms to 1h (got 50d)'],
      [[], {CLERK_TIMEOUT: '2h'}, 'CLERK_TIMEOUT must be from 100ms to 1h (got 2h)'],
      [['--timeout', 'soon'], {}, '--timeout: invalid duration "soon"'],
    ] as const) {
      const since = t.mark()
      const r = await t.usage(['users', 'list', ...args], {env})
      expect(r.stderr).toContain(`Error: ${text}`)
      expect(r.stderr).not.toMatch(/TimeoutOverflowWarning|network/i)
      expect(since()).toEqual([])
    }
  })

  it('--rate-limit windows past a day (Node timers overflow at 2^31-1 ms) and absurd counts', async () => {
    for (const rate of ['1/30d', '10/25d', '2000000/1s']) {
      const r = await t.usage(['users', 'list', '--rate-limit', rate])
      expect(r.stderr).toContain(
        `Error: invalid rate "${rate}": the window must be at most 24h and the count at most 1,000,000`,
      )
      expect(r.stderr).not.toMatch(/TimeoutOverflowWarning/)
    }
    const emu = await runCli(['emulator', 'start', '--rate-limit', '1/30d'])
    expect(emu.code).toBe(2)
    expect(emu.stderr).toContain('the window must be at most 24h')
    // a day is fine
    await t.ok(['users', 'list', '--rate-limit', '100000/1d'])
  })

  it('--limit, --page-size and --concurrency name their range', async () => {
    const limit = await t.usage(['users', 'list', '--limit', '501'])
    expect(limit.stderr).toMatch(/^Error: --limit is at most 500 for one page/m)
    for (const [args, text] of [
      [['--limit', '0'], '--limit must be a whole number of at least 1 (got 0)'],
      [['--page-size', '0'], '--page-size must be a whole number from 1 to 500 (got 0)'],
      [['--concurrency', '65'], '--concurrency must be a whole number from 1 to 64 (got 65)'],
    ] as const) {
      const r = await t.usage(['users', 'list', ...args])
      expect(r.stderr.split('\n')[0]).toBe(`Error: ${text}`)
    }
  })
})
