/**
 * `clerk token verify` end to end (bin/run.js child processes) against an emulator: tokens the emulator
 * mints (POST /__emulator/tokens) and tokens the tests sign with node:crypto.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'

import {runCli} from '../../helpers/cli.js'
import {useEmulator} from '../../helpers/harness.js'
import {rsaKey, sessionClaims, sign} from '../../lib/token/sign.js'

const t = useEmulator({rateLimit: 'off'})
let jwtKeyFile: string
let emuKey: {kid: string}
const dir = mkdtempSync(join(tmpdir(), 'token-verify-'))

beforeAll(async () => {
  jwtKeyFile = join(dir, 'emu.pem')
  writeFileSync(jwtKeyFile, t.emu.signingKey.publicKeyPem)
  emuKey = {kid: t.emu.signingKey.kid}
})

async function mint(body: Record<string, unknown>): Promise<string> {
  const res = await t.emu.request('POST', '/__emulator/tokens', body)
  expect(res.status).toBe(200)
  return res.body.token
}

const json = (stdout: string) => JSON.parse(stdout)
const online = (args: string[], input?: string) => t.run(['token', 'verify', ...args, '-o', 'json'], {input})
/** offline: no secret key at all, and the API URL points at the emulator so any request would show in its log */
const offline = (args: string[], input?: string) =>
  runCli(['token', 'verify', '--jwt-key', `@${jwtKeyFile}`, ...args, '-o', 'json'], {
    env: {CLERK_API_URL: t.emu.url},
    input,
  })

describe('clerk token verify (online, JWKS)', () => {
  test('a minted session token: exit 0, the Auth object, JWKS fetched through BAPI', async () => {
    const token = await mint({
      user_id: 'user_1',
      org_id: 'org_1',
      role: 'admin',
      permissions: ['org:invoices:read'],
      expires_in_seconds: 120,
    })
    t.emu.requests.length = 0
    const r = await online([
      token,
      '--permission',
      'org:invoices:read',
      '--role',
      'org:admin',
      '--authorized-party',
      'http://localhost:3000',
    ])
    expect(r.code, r.stderr).toBe(0)
    const out = json(r.stdout)
    expect(out).toMatchObject({
      valid: true,
      status: 'signed-in',
      tokenType: 'session_token',
      userId: 'user_1',
      orgId: 'org_1',
      orgRole: 'org:admin',
      orgPermissions: ['org:invoices:read'],
    })
    expect(out.expires).toMatch(/^expires in (2m|1m \d+s|\d+s)$/)
    expect(out.checks).toEqual([
      {check: 'permission', value: 'org:invoices:read', ok: true},
      {check: 'role', value: 'org:admin', ok: true},
    ])
    expect(t.emu.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /v1/jwks'])
  })

  test('a missing permission or role: exit 4 (authenticated, forbidden)', async () => {
    const token = await mint({user_id: 'user_1', org_id: 'org_1', role: 'member', permissions: ['org:invoices:read']})
    const r = await online([token, '--permission', 'org:invoices:read', '--permission', 'org:invoices:delete'])
    expect(r.code).toBe(4)
    expect(json(r.stdout)).toMatchObject({
      valid: false,
      status: 'forbidden',
      reason: 'missing-permission',
      userId: 'user_1',
    })
    const role = await online([token, '--role', 'org:admin'])
    expect(role.code).toBe(4)
    expect(json(role.stdout).reason).toBe('missing-role')
  })

  test('expired, not yet valid, pending: exit 3 with the reason; --allow-pending accepts the pending one', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{expires_in_seconds: -120}, 'token-expired'],
      [{not_before_seconds: 600}, 'token-not-active-yet'],
      [{pending: true}, 'session-pending'],
    ]
    for (const [extra, reason] of cases) {
      const r = await online([await mint({user_id: 'user_2', ...extra})])
      expect(r.code, reason).toBe(3)
      expect(json(r.stdout)).toMatchObject({valid: false, status: 'signed-out', reason})
    }
    const pending = await online([await mint({user_id: 'user_2', pending: true}), '--allow-pending'])
    expect(pending.code).toBe(0)
    expect(json(pending.stdout)).toMatchObject({valid: true, sessionStatus: 'pending'})
  })

  test('machine tokens minted by the emulator are verified by BAPI (ak_, mt_, oat_)', async () => {
    for (const type of ['api_key', 'm2m_token', 'oauth_token']) {
      const token = await mint({type, scopes: ['read']})
      t.emu.requests.length = 0
      const r = await online([token, '--accepts', type])
      expect(r.code, `${type}: ${r.stderr}`).toBe(0)
      expect(json(r.stdout)).toMatchObject({valid: true, tokenType: type, scopes: ['read']})
      expect(t.emu.requests.map((q) => q.path)).toEqual([
        {
          api_key: '/api_keys/verify',
          m2m_token: '/m2m_tokens/verify',
          oauth_token: '/oauth_applications/access_tokens/verify',
        }[type],
      ])
    }
    const unknown = await online(['ak_unknownsecret', '--accepts', 'any'])
    expect(unknown.code).toBe(3)
    expect(json(unknown.stdout)).toMatchObject({valid: false, tokenType: 'api_key', reason: 'token-invalid'})
    const revoked = await online([await mint({type: 'm2m_token', revoked: true}), '--accepts', 'm2m_token'])
    expect(revoked.code).toBe(3)
    const sessionOnly = await online([await mint({type: 'api_key'})])
    expect(sessionOnly.code).toBe(3)
  })

  test('--batch: one NDJSON line per token, JWKS fetched once, exit 0 only if all are valid', async () => {
    const good = await Promise.all(
      Array.from({length: 5}, (_, i) => mint({user_id: `user_b${i}`, expires_in_seconds: 300})),
    )
    const ak = await mint({type: 'api_key'})
    t.emu.requests.length = 0
    const all = await t.run(['token', 'verify', '--batch', '--accepts', 'any'], {
      input: `${good.join('\n')}\n${ak}\n`,
    })
    expect(all.code, all.stderr).toBe(0)
    const lines = all.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => [l.line, l.valid, l.tokenType === 'api_key' ? 'api_key' : l.userId])).toEqual([
      ...good.map((_, i) => [i + 1, true, `user_b${i}`]),
      [6, true, 'api_key'],
    ])
    expect(t.emu.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /v1/jwks', 'POST /api_keys/verify'])

    t.emu.requests.length = 0
    const expired = await mint({user_id: 'user_x', expires_in_seconds: -60})
    const mixed = await t.run(['token', 'verify', '--batch'], {
      input: `${good[0]}\n\ngarbage\n${expired}\n${good[1]}\n`,
    })
    expect(mixed.code).toBe(3)
    const results = mixed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(results.map((l) => [l.line, l.valid, l.reason])).toEqual([
      [1, true, null],
      [3, false, 'token-invalid'],
      [4, false, 'token-expired'],
      [5, true, null],
    ])
    expect(t.emu.requests.filter((q) => q.path === '/v1/jwks')).toHaveLength(1)
    expect(mixed.stderr).toContain('2 of 4 tokens valid')
  })
})

describe('clerk token verify (offline, --jwt-key)', () => {
  test('zero requests: the emulator log stays empty, with no secret key configured', async () => {
    const token = await mint({user_id: 'user_off', org_id: 'org_9', role: 'admin'})
    t.emu.requests.length = 0
    const r = await offline([token, '--role', 'org:admin'])
    expect(r.code, r.stderr).toBe(0)
    expect(json(r.stdout)).toMatchObject({valid: true, userId: 'user_off', orgRole: 'org:admin'})
    const batch = await runCli(['token', 'verify', '--batch', '--jwt-key', `@${jwtKeyFile}`], {
      env: {CLERK_API_URL: t.emu.url},
      input: `${token}\n${token}\n`,
    })
    expect(batch.code).toBe(0)
    const env = await runCli(['token', 'verify', token], {
      env: {CLERK_API_URL: t.emu.url, CLERK_JWT_KEY: t.emu.signingKey.publicKeyPem},
    })
    expect(env.code).toBe(0)
    expect(env.stdout).toContain('VALID')
    expect(t.emu.requests).toEqual([])
  })

  test('tokens signed by the test: valid, wrong signature, wrong azp, missing azp, garbage, empty input', async () => {
    const testKey = rsaKey()
    const pem = join(dir, 'test.pem')
    writeFileSync(pem, testKey.publicPem)
    const run = (token: string, args: string[] = []) =>
      runCli(['token', 'verify', '--jwt-key', `@${pem}`, ...args, '-o', 'json'], {
        env: {CLERK_API_URL: t.emu.url},
        input: token,
      })
    const ok = await run(sign(testKey, sessionClaims({sub: 'user_self'})))
    expect(ok.code).toBe(0)
    expect(json(ok.stdout).userId).toBe('user_self')
    const expect3 = async (token: string, reason: string, args: string[] = []) => {
      const r = await run(token, args)
      expect(r.code, reason).toBe(3)
      expect(json(r.stdout).reason).toBe(reason)
    }
    await expect3(sign(rsaKey(), sessionClaims()), 'token-invalid-signature')
    await expect3(
      sign({...testKey, kid: emuKey.kid}, sessionClaims({azp: 'https://evil.example.com'})),
      'token-invalid-authorized-parties',
      ['--authorized-party', 'http://localhost:3000'],
    )
    await expect3(sign(testKey, sessionClaims({azp: undefined})), 'token-invalid-authorized-parties', [
      '--authorized-party',
      'http://localhost:3000',
    ])
    await expect3(sign(testKey, sessionClaims({exp: Math.floor(Date.now() / 1000) - 3})), 'token-expired', [
      '--clock-skew',
      '0',
    ])
    await expect3('not-a-token', 'token-invalid')
    await expect3('', 'session-token-missing')
    const skew = await run(sign(testKey, sessionClaims({exp: Math.floor(Date.now() / 1000) - 3})), [
      '--clock-skew',
      '60000',
    ])
    expect(skew.code).toBe(0)
    expect(t.emu.requests).toEqual([])
  })

  test('a 4096-bit or EC key is refused with a clear error (exit 2), not "invalid signature"', async () => {
    const big = rsaKey(4096)
    const pem = join(dir, 'big.pem')
    writeFileSync(pem, big.publicPem)
    const r = await runCli(['token', 'verify', '--jwt-key', `@${pem}`, sign(big, sessionClaims())], {
      env: {CLERK_API_URL: t.emu.url},
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/RSA-4096.*RSA-2048/)
    expect(r.stderr).not.toMatch(/signature/i)
    const {generateKeyPairSync} = await import('node:crypto')
    const ec = generateKeyPairSync('ec', {namedCurve: 'P-256'})
      .publicKey.export({type: 'spki', format: 'pem'})
      .toString()
    const r2 = await runCli(['token', 'verify', 'x.y.z'], {env: {CLERK_API_URL: t.emu.url, CLERK_JWT_KEY: ec}})
    expect(r2.code).toBe(2)
    expect(r2.stderr).toContain('EC')
  })

  test('machine tokens cannot be verified offline; no key at all is a usage error', async () => {
    const r = await offline(['ak_something'])
    expect(r.code).toBe(3)
    expect(json(r.stdout).reason).toBe('machine-token-offline')
    const none = await runCli(['token', 'verify', 'x.y.z'], {env: {CLERK_API_URL: t.emu.url}})
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('no key to verify with')
    expect(t.emu.requests).toEqual([])
  })
})
