import {describe, expect, test} from 'vitest'

import {runCli} from '../../helpers/cli.js'
import {rsaKey, sessionClaims, sign} from '../../lib/token/sign.js'

const key = rsaKey()
const now = Math.floor(Date.now() / 1000)

describe('clerk token decode', () => {
  test('JSON: header, claims, times with ISO dates and relative text, marked unverified; nothing checked', async () => {
    // an expired token signed by an unknown key decodes all the same
    const token = sign(key, sessionClaims({exp: now - 200, iat: now - 260, nbf: now - 270, sub: 'user_dec'}))
    const r = await runCli(['token', 'decode', token, '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({
      verified: false,
      kind: 'session_token',
      header: {alg: 'RS256', kid: 'ins_test'},
      claims: {sub: 'user_dec'},
    })
    expect(out.times.exp).toEqual({
      unix: now - 200,
      iso: new Date((now - 200) * 1000).toISOString(),
      relative: expect.stringMatching(/^expired 3m \d+s ago$/),
    })
    expect(out.times.iat.relative).toMatch(/ago$/)
    expect(r.stderr).toContain('UNVERIFIED')
  })

  test('table from stdin: the UNVERIFIED label and "expires in"', async () => {
    const r = await runCli(['token', 'decode'], {input: `Bearer ${sign(key, sessionClaims({exp: now + 42}))}\n`})
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('UNVERIFIED')
    expect(r.stdout).toMatch(/expires in \d+s/)
  })

  test('not a JWT, an opaque machine token, empty input: exit 2 with one line', async () => {
    for (const input of ['garbage', 'ak_123', 'a.b!.c', '']) {
      const r = await runCli(['token', 'decode'], {input})
      expect(r.code, input).toBe(2)
      expect(r.stderr.split('\n')[0]).toMatch(/^Error: /)
    }
  })
})
