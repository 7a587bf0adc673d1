/**
 * Secrets never printed: the secret key passed to every string flag (each flag name once, on a command
 * that has it, with valid arguments so the flag is really parsed) and as an extra argument of every
 * command is found in no output; nor is a password inside --api-url. Flag-parse errors happen before
 * config is resolved, so this covers the redaction in src/lib/util/redact.ts on the earliest paths.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'
import {useEmulator} from '../helpers/harness.js'
import {manifestCommands} from './cases.js'

/** `emulator start` would start a server; it resolves no key and prints none */
const SKIP = new Set(['emulator:start'])
const OTHER_KEY = `sk_live_${'Zq9'.repeat(14)}`

interface Run {
  argv: string[]
  what: string
}

const flagRuns: Run[] = []
const argRuns: Run[] = []

beforeAll(async () => {
  const seen = new Set<string>()
  for (const c of manifestCommands()) {
    if (SKIP.has(c.id)) continue
    const rel = (c as unknown as {relativePath: string[]}).relativePath
    const cls = (await import(pathToFileURL(join(ROOT, ...rel)).href)).default as {
      args?: Record<string, {idKind?: string}>
    }
    const args = Object.entries(cls.args ?? {}).map(([name, a]) =>
      a.idKind ? `${a.idKind}_2abcDEF123` : name === 'role' ? 'org:admin' : 'x',
    )
    const words = c.id.split(':')
    // once per command: KEY where its first argument goes, or as an extra argument when it takes none
    argRuns.push({argv: [...words, 'KEY'], what: `${c.id} ${args.length ? '(as its argument)' : '(extra argument)'}`})
    for (const [name, f] of Object.entries(c.flags)) {
      if (f.type !== 'option' || name === 'secret-key' || seen.has(name)) continue
      seen.add(name)
      flagRuns.push({argv: [...words, ...args, `--${name}`, 'KEY'], what: `${c.id} --${name}`})
    }
  }
})

describe('the secret key is never printed', () => {
  const t = useEmulator({rateLimit: 'off'})

  async function check(runs: Run[], key: string, env?: Record<string, string>) {
    const cwd = mkdtempSync(join(tmpdir(), 'clerk-secrets-'))
    const leaks: string[] = []
    for (let i = 0; i < runs.length; i += 4) {
      await Promise.all(
        runs.slice(i, i + 4).map(async ({argv, what}) => {
          const r = await t.run(
            argv.map((a) => (a === 'KEY' ? key : a)),
            {cwd, env, timeoutMs: 60_000},
          )
          if (`${r.stdout}\n${r.stderr}`.includes(key)) leaks.push(`${what}: ${r.stderr.trim().slice(0, 200)}`)
        }),
      )
    }
    return leaks
  }

  it('covers every command and many flags', () => {
    expect(argRuns.length).toBeGreaterThan(60)
    expect(flagRuns.length).toBeGreaterThan(60)
  })

  it('in every string flag', async () => {
    expect(await check(flagRuns, t.emu.secretKey)).toEqual([])
  }, 600_000)

  it('as an argument of every command', async () => {
    expect(await check(argRuns, t.emu.secretKey)).toEqual([])
  }, 600_000)

  it('a key that is not the configured one, by its shape, in every global flag', async () => {
    const globals = ['api-url', 'api-version', 'profile', 'output', 'columns', 'rate-limit', 'timeout', 'limiter-redis']
    const runs = globals.map((g) => ({argv: ['users', 'list', `--${g}`, 'KEY'], what: `users list --${g}`}))
    runs.push({argv: ['users', 'list', 'KEY'], what: 'users list KEY'}, {argv: ['KEY'], what: 'KEY as a command'})
    expect(await check(runs, OTHER_KEY)).toEqual([])
  }, 600_000)

  it('before config is resolved, with the key only in the environment and an odd shape', async () => {
    const odd = 'my-own-secret-value-1234567890'
    const r = await t.run(['users', 'list', '--timeout', odd], {env: {CLERK_SECRET_KEY: odd}})
    expect(r.code).toBe(2)
    expect(r.stderr).not.toContain(odd)
  })

  it('a password inside --api-url is not echoed', async () => {
    const r = await t.run(['users', 'list', '--api-url', 'http://admin:hunter2pass@127.0.0.1:9', '--timeout', '2s'])
    expect(r.code).not.toBe(0)
    expect(`${r.stdout}${r.stderr}`).not.toContain('hunter2pass')
  })
})
