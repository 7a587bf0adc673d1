/** Profiles (`clerk config ...`), whoami/status, file permissions, and the production marker, end to end. */
import {chmodSync, mkdtempSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {runCli} from '../helpers/cli.js'
import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const live = useEmulator({rateLimit: 'off', secretKey: 'sk_live_productionkey000000000000000000abcd'})

/** A fresh config dir; every run in it sees the same profiles. */
function home() {
  const dir = mkdtempSync(join(tmpdir(), 'clerk-profiles-'))
  const run = (args: string[], opts: {input?: string; env?: Record<string, string | undefined>} = {}) =>
    runCli(args, {input: opts.input, env: {CLERK_ADMIN_CONFIG_DIR: dir, ...opts.env}})
  return {dir, file: join(dir, 'config.json'), run}
}

describe('clerk config', () => {
  it('set (value piped on stdin), get (masked), list, use, remove; the file is 0600 and never holds a key in output', async () => {
    const h = home()
    const set = await h.run(['config', 'set', 'secret-key', '--profile', 'local'], {input: `${t.emu.secretKey}\n`})
    expect(set.code, set.stderr).toBe(0)
    expect(set.stderr).toMatch(/Set secret-key = sk_test_\*{4}\w{4} in profile local \(current\)/)
    expect(statSync(h.file).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(h.file, 'utf8'))).toEqual({
      current: 'local',
      profiles: {local: {secret_key: t.emu.secretKey}},
    })
    expect((await h.run(['config', 'set', 'api-url', t.emu.url, '--profile', 'local'])).code).toBe(0)
    expect(
      (
        await h.run(['config', 'set', 'secret-key', live.emu.secretKey, '--profile', 'prod'], {
          env: {CLERK_SECRET_KEY: live.emu.secretKey},
        })
      ).code,
    ).toBe(0)
    expect((await h.run(['config', 'set', 'api-url', live.emu.url, '--profile', 'prod'])).code).toBe(0)
    expect((await h.run(['config', 'get', 'api-url'])).stdout).toBe(`${t.emu.url}\n`)
    const key = await h.run(['config', 'get', 'secret-key', '--profile', 'prod'], {
      env: {CLERK_SECRET_KEY: live.emu.secretKey},
    })
    expect(key.stdout).toBe('sk_live_****abcd\n')
    expect((await h.run(['config', 'get', 'rate-limit'])).code).toBe(1)

    const list = await h.run(['config', 'list', '-o', 'json'], {env: {CLERK_SECRET_KEY: live.emu.secretKey}})
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({name: 'local', current: true, instance: 'development', api_url: t.emu.url}),
      expect.objectContaining({name: 'prod', current: false, instance: 'production', secret_key: 'sk_live_****abcd'}),
    ])
    const table = await h.run(['config', 'list'])
    expect(table.stdout).toMatch(/\* local\s+development/)

    expect((await h.run(['config', 'use', 'prod'])).code).toBe(0)
    expect(JSON.parse(readFileSync(h.file, 'utf8')).current).toBe('prod')
    expect((await h.run(['config', 'use', 'nope'])).code).toBe(2)
    const rm = await h.run(['config', 'remove', 'prod'])
    expect(rm.code).toBe(0)
    expect(JSON.parse(readFileSync(h.file, 'utf8'))).toEqual({
      profiles: {local: {secret_key: t.emu.secretKey, api_url: t.emu.url}},
    })
    expect(statSync(h.file).mode & 0o777).toBe(0o600)
  })

  it('rejects bad values with exit 2 and writes nothing', async () => {
    const h = home()
    expect((await h.run(['config', 'set', 'secret-key', 'not-a-key'])).code).toBe(2)
    expect((await h.run(['config', 'set', 'api-url', 'ftp://x'])).code).toBe(2)
    expect((await h.run(['config', 'set', 'rate-limit', 'fast'])).code).toBe(2)
    expect((await h.run(['config', 'set', 'secret-key', '--profile', 'x'], {input: ''})).code).toBe(2)
    expect((await h.run(['config', 'set', 'bogus', 'x'])).code).toBe(2)
    expect((await h.run(['config', 'list', '-o', 'json'])).stdout).toBe('[]\n')
  })

  it('refuses a profile file other users can read (exit 2 with the chmod to run), for every command that reads it', async () => {
    const h = home()
    await h.run(['config', 'set', 'secret-key', '--profile', 'local'], {input: t.emu.secretKey})
    chmodSync(h.file, 0o644)
    for (const args of [['config', 'list'], ['whoami'], ['users', 'list']]) {
      const r = await h.run(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/refusing to read .*config\.json: other users can access it \(mode 0644\)/)
      expect(r.stderr).toContain(`Hint: chmod 600 ${h.file}`)
    }
    chmodSync(h.file, 0o600)
    expect((await h.run(['config', 'list'])).code).toBe(0)
  })
})

describe('clerk whoami / clerk status', () => {
  it('shows profile, instance, API URL and masked key, and exits 0 when the key works (one GET /v1/jwks)', async () => {
    const h = home()
    await h.run(['config', 'set', 'secret-key', '--profile', 'local'], {input: t.emu.secretKey})
    await h.run(['config', 'set', 'api-url', t.emu.url, '--profile', 'local'])
    const before = t.emu.requests.length
    const r = await h.run(['whoami', '-o', 'json'], {env: {CLERK_SECRET_KEY: t.emu.secretKey}})
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      profile: 'local',
      instance: 'development',
      api_url: t.emu.url,
      key_works: true,
      key_source: 'env CLERK_SECRET_KEY',
    })
    expect(t.emu.requests.slice(before).map((q) => q.path)).toEqual(['/v1/jwks'])
    const status = await h.run(['status'], {env: {CLERK_SECRET_KEY: t.emu.secretKey}})
    expect(status.code).toBe(0)
    expect(status.stdout).toMatch(/PROFILE\s.*local/)
    expect(status.stdout).toMatch(/SECRET KEY\s.*sk_test_\*{4}/)
  })

  it('exit 3 when the key is rejected or missing (the details are still printed)', async () => {
    const h = home()
    const bad = await h.run(['whoami', '-o', 'json'], {
      env: {CLERK_API_URL: t.emu.url, CLERK_SECRET_KEY: 'sk_test_wrongwrongwrongwrong'},
    })
    expect(bad.code).toBe(3)
    expect(JSON.parse(bad.stdout)).toMatchObject({profile: null, key_works: false, instance: 'development'})
    const none = await h.run(['whoami'])
    expect(none.code).toBe(3)
    expect(none.stderr).toMatch(/no secret key configured/)
  })

  it('env beats the profile; --profile picks another one', async () => {
    const h = home()
    await h.run(['config', 'set', 'api-url', 'http://127.0.0.1:9', '--profile', 'a'])
    await h.run(['config', 'set', 'secret-key', '--profile', 'a'], {input: t.emu.secretKey})
    await h.run(['config', 'set', 'api-url', t.emu.url, '--profile', 'b'])
    await h.run(['config', 'set', 'secret-key', '--profile', 'b'], {input: t.emu.secretKey})
    const viaEnv = await h.run(['whoami', '-o', 'json'], {env: {CLERK_API_URL: t.emu.url}})
    expect(JSON.parse(viaEnv.stdout)).toMatchObject({profile: 'a', api_url: t.emu.url, key_works: true})
    const viaFlag = await h.run(['whoami', '-o', 'json', '--profile', 'b'])
    expect(JSON.parse(viaFlag.stdout)).toMatchObject({profile: 'b', key_works: true})
  })
})

describe('production marker', () => {
  it('a production key prints a marker on stderr before the first change, not for reads', async () => {
    const h = home()
    await h.run(['config', 'set', 'api-url', live.emu.url, '--profile', 'prod'])
    await h.run(['config', 'set', 'secret-key', '--profile', 'prod'], {input: live.emu.secretKey})
    const env = {CLERK_SECRET_KEY: undefined}
    const read = await h.run(['redirect-urls', 'list'], {env})
    expect(read.code, read.stderr).toBe(0)
    expect(read.stderr).not.toMatch(/PRODUCTION/)
    const write = await h.run(['redirect-urls', 'create', 'myapp://prod'], {env})
    expect(write.code, write.stderr).toBe(0)
    expect(write.stderr).toMatch(
      /^▲ PRODUCTION instance \(profile prod\) · key sk_live_\*{4}abcd · changing live data$/m,
    )
    expect(write.stderr.match(/PRODUCTION/g)).toHaveLength(1)
    const dev = await t.run(['redirect-urls', 'create', 'myapp://dev'])
    expect(dev.stderr).not.toMatch(/PRODUCTION/)
  })
})
