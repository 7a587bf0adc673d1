import {describe, expect, it} from 'vitest'

import {runCli} from '../helpers/cli.js'

describe('clerk --help / --version', () => {
  it('describes every topic by what it holds, not by its first command', async () => {
    const r = await runCli(['--help'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^\s+users\s+Users: list, get, create/m)
    expect(r.stdout).toMatch(/^\s+orgs\s+Organizations, their members/m)
    expect(r.stdout).toMatch(/^\s+token\s+Verify \(authenticateRequest\) or decode/m)
    expect(r.stdout).not.toMatch(/^\s+users\s+Ban a user/m)
  })

  it('prints the version, and an unknown command is a usage error', async () => {
    const v = await runCli(['--version'])
    expect(v.code).toBe(0)
    expect(v.stdout).toMatch(/^clerk-admin\/\d+\.\d+\.\d+ /)
    const bad = await runCli(['frobnicate'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/unknown command "clerk frobnicate"/i)
  })
})
