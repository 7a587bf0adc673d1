/**
 * One error path, driven as a newcomer would: oclif's whole reason on one line, commands named as typed,
 * did-you-mean for commands and flags, -h/--help and -v/--version/version, one warning style. Loops over
 * the command surface (the manifest) where a rule holds for every command.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {ROOT, runCli} from '../helpers/cli.js'

interface ManifestCommand {
  id: string
  hidden?: boolean
  args: Record<string, {name: string; required?: boolean; description?: string}>
  flags: Record<string, {name: string; hidden?: boolean; type: string}>
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8')) as {
  commands: Record<string, ManifestCommand>
}
const commands = Object.values(manifest.commands).filter((c) => !c.hidden)
const argv = (c: ManifestCommand) => c.id.split(':')

/** run `fn` over `items`, `n` at a time (the machine is shared: no more than a few processes at once) */
async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  await Promise.all(
    Array.from({length: n}, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item)
    }),
  )
}

/** `limit` -> `limti`: the last two letters swapped, a typo one edit away */
const typo = (name: string) => `${name.slice(0, -2)}${name.at(-1)}${name.at(-2)}`

describe('parse errors keep the whole reason', () => {
  it('names the missing argument of every command that requires one', async () => {
    const needing = commands.filter((c) => Object.values(c.args).some((a) => a.required))
    expect(needing.length).toBeGreaterThan(10)
    await pool(needing, 3, async (c) => {
      const r = await runCli(argv(c))
      const first = Object.values(c.args).find((a) => a.required)!
      expect(r.code, `${c.id}: ${r.stderr}`).toBe(2)
      expect(r.stderr).toContain(`Error: missing required argument`)
      expect(r.stderr).toContain(first.name.toUpperCase())
      expect(r.stderr).toContain(`Hint: see: clerk ${argv(c).join(' ')} --help`)
      expect(r.stderr).not.toMatch(/:\n|See more help/)
    })
  }, 240_000)

  it('says which range a number must be in, with the value given', async () => {
    for (const [args, text] of [
      [['users', 'list', '--limit', '0'], '--limit must be a whole number of at least 1 (got 0)'],
      [['users', 'list', '--page-size', '100000'], '--page-size must be a whole number from 1 to 500 (got 100000)'],
      [['users', 'list', '--concurrency', '0'], '--concurrency must be a whole number from 1 to 64 (got 0)'],
      [['users', 'list', '-o', 'xml'], '--output must be one of: table, json, ndjson, csv (got xml)'],
      [['users', 'get', 'user_a', 'user_b'], 'Unexpected argument: user_b'],
    ] as const) {
      const r = await runCli([...args])
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr.split('\n')[0]).toBe(`Error: ${text}`)
    }
  })
})

describe('typos get a suggestion', () => {
  it('names an unknown command as typed and suggests the closest', async () => {
    for (const [typed, near] of [
      ['user list', 'users list'],
      ['users lsit', 'users list'],
      ['org members list', 'orgs members list'],
      ['toekn verify', 'token verify'],
    ]) {
      const r = await runCli(typed.split(' '))
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).toContain(`Error: unknown command "clerk ${typed}"`)
      expect(r.stderr).toContain(`did you mean "clerk ${near}"?`)
      expect(r.stderr).not.toMatch(/:list|›/)
    }
    const far = await runCli(['frobnicate'])
    expect(far.code).toBe(2)
    expect(far.stderr).toContain('Hint: clerk --help lists the commands')
  })

  it('suggests the flag meant, for a typo of a flag of a command of every topic', async () => {
    // one command per topic (the machinery is the base command's, shared by all): the machine is shared
    const perTopic = [...new Map(commands.map((c) => [c.id.split(':').slice(0, -1).join(':') || c.id, c])).values()]
    await pool(perTopic, 3, async (c) => {
      const flag = Object.values(c.flags).find(
        (f) => !f.hidden && f.name.length >= 6 && !['secret-key'].includes(f.name),
      )
      if (!flag) return
      const bad = `--${typo(flag.name)}`
      const r = await runCli([...argv(c), bad])
      expect(r.code, `${c.id} ${bad}: ${r.stderr}`).toBe(2)
      expect(r.stderr).toContain(`Error: unknown flag ${bad} for clerk ${argv(c).join(' ')}`)
      expect(r.stderr).toMatch(new RegExp(`did you mean (one of: .*)?--${flag.name}\\b`))
    })
  }, 240_000)
})

describe('help and version', () => {
  it('-h and --help print the same help for the root, a topic and a command', async () => {
    for (const args of [[], ['users'], ['users', 'list'], ['orgs', 'members', 'add'], ['emulator', 'start']]) {
      const [short, long] = await Promise.all([runCli([...args, '-h']), runCli([...args, '--help'])])
      expect(short.code, short.stderr).toBe(0)
      expect(short.stdout).toBe(long.stdout)
      expect(short.stdout).toContain('USAGE')
    }
    // anywhere on the line, as with --help
    const late = await runCli(['users', 'list', '--limit', '3', '-h'])
    expect(late.code).toBe(0)
    expect(late.stdout).toContain('$ clerk users list')
  })

  it('-v, --version and version print the same line', async () => {
    const outs = await Promise.all([['-v'], ['--version'], ['version']].map((a) => runCli(a)))
    for (const r of outs) expect(r.code, r.stderr).toBe(0)
    expect(outs[0].stdout).toMatch(/^clerk-admin\/\d+\.\d+\.\d+ \S+ node-v\d+/)
    expect(new Set(outs.map((r) => r.stdout)).size).toBe(1)
  })
})

describe('one warning style', () => {
  it("warnings read `Warning: ...` like `Error: ...`, never oclif's ` ›   Warning:`", async () => {
    const r = await runCli([
      'users',
      'list',
      '--secret-key',
      'sk_test_x',
      '--api-url',
      'http://127.0.0.1:9',
      '--timeout',
      '1s',
    ])
    expect(r.stderr).toMatch(/^Warning: --secret-key is visible/m)
    expect(r.stderr).not.toContain('›')
  })
})

describe('one exit code for a missing key', () => {
  it('is 3 (not authenticated) from users list as from whoami, with the same hint', async () => {
    const env = {CLERK_API_URL: 'http://127.0.0.1:9'}
    const [list, who] = await Promise.all([runCli(['users', 'list'], {env}), runCli(['whoami'], {env})])
    expect(list.code, list.stderr).toBe(3)
    expect(who.code, who.stderr).toBe(3)
    expect(list.stderr).toMatch(/^Error: no secret key/m)
    expect(list.stderr).toMatch(/^Hint: set CLERK_SECRET_KEY/m)
  })
})
