/** Colour conventions: none when piped, NO_COLOR always wins, FORCE_COLOR turns it on (tables and the production marker). */
import {describe, expect, it} from 'vitest'

import {runCli} from '../helpers/cli.js'

const ESC = '\u001B['

describe('colour', () => {
  it('piped output has no escape codes by default; FORCE_COLOR adds them; NO_COLOR beats FORCE_COLOR', async () => {
    const piped = await runCli(['api', 'ls', 'jwks'], {env: {NO_COLOR: undefined, FORCE_COLOR: undefined}})
    expect(piped.code, piped.stderr).toBe(0)
    expect(piped.stdout).toMatch(/GET\s+\/jwks/)
    expect(piped.stdout).not.toContain(ESC)
    const forced = await runCli(['api', 'ls', 'jwks'], {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}})
    expect(forced.stdout).toContain(ESC)
    const both = await runCli(['api', 'ls', 'jwks'], {env: {NO_COLOR: '1', FORCE_COLOR: '1'}})
    expect(both.stdout).not.toContain(ESC)
    const zero = await runCli(['api', 'ls', 'jwks'], {env: {NO_COLOR: undefined, FORCE_COLOR: '0'}})
    expect(zero.stdout).not.toContain(ESC)
  })

  it('JSON and completion output never carry colour, even when forced', async () => {
    const json = await runCli(['api', 'ls', 'jwks', '-o', 'json'], {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}})
    expect(json.stdout).not.toContain(ESC)
    const completion = await runCli(['completion', 'bash'], {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}})
    expect(completion.stdout).not.toContain(ESC)
  })
})
