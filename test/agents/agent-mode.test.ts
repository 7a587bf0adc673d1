/**
 * The agent contract: `clerk commands --json` is the manifest as data, and in agent mode every error is one
 * JSON object on stderr (usage, API and network errors alike) and a write without --yes is refused with a
 * preview and the command line that would confirm it.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {ROOT, runCli} from '../helpers/cli.js'
import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const agentError = (stderr: string): any => {
  const lines = stderr.split('\n').filter((l) => l.trim())
  expect(lines, stderr).toHaveLength(1)
  const parsed = JSON.parse(lines[0])
  expect(Object.keys(parsed)).toEqual(['error'])
  for (const key of ['code', 'message', 'hint', 'exit']) expect(parsed.error).toHaveProperty(key)
  return parsed.error
}

describe('clerk commands --json', () => {
  it('lists every command of the manifest with its flags, and --help --json prints the same entry', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8'))
    const [all, one] = await Promise.all([t.json(['commands', '--json']), t.json(['users', 'ban', '--help', '--json'])])
    const byId = new Map(all.commands.map((c: {id: string}) => [c.id, c]))
    for (const [id, cmd] of Object.entries(manifest.commands) as Array<[string, {flags: object; hidden?: boolean}]>) {
      if (cmd.hidden) continue
      const entry = byId.get(id.replaceAll(':', ' ')) as {flags: Array<{name: string}>} | undefined
      expect(entry, id).toBeDefined()
      const visible = Object.values(cmd.flags as Record<string, {name: string; hidden?: boolean}>)
        .filter((f) => !f.hidden)
        .map((f) => f.name)
      expect(entry!.flags.map((f) => f.name).sort(), id).toEqual(visible.sort())
    }
    expect(one).toEqual(byId.get('users ban'))
    expect(one.endpoints).toEqual(['POST /v1/users/{user_id}/ban'])
    expect(one.writes).toBe(true)
    expect(byId.get('users list')).toMatchObject({writes: false, endpoints: expect.arrayContaining(['GET /v1/users'])})
    const output = one.flags.find((f: {name: string}) => f.name === 'output')
    expect(output).toMatchObject({type: 'option', global: true, options: ['table', 'json', 'ndjson', 'csv']})
  })
})

describe('agent mode', () => {
  it('renders usage, API and network errors as one JSON object; output defaults to JSON', async () => {
    t.seedUsers(2)
    const [usage, unknown, notFound, network, list] = await Promise.all([
      t.run(['users', 'get', 'user_x', '--bogus', '--mode', 'agent']),
      // raised before any command runs (oclif's command_not_found hook)
      t.run(['user', 'lsit', '--mode', 'agent']),
      t.run(['users', 'get', 'user_missing'], {env: {CLERK_ADMIN_MODE: 'agent'}}),
      t.run(['users', 'list', '--mode=agent', '--timeout', '5s'], {env: {CLERK_API_URL: 'http://127.0.0.1:9'}}),
      t.run(['users', 'list', '--mode', 'agent']),
    ])
    expect(usage.code).toBe(2)
    expect(agentError(usage.stderr)).toMatchObject({code: 'usage_error', exit: 2})
    expect(unknown.code).toBe(2)
    expect(agentError(unknown.stderr)).toMatchObject({code: 'usage_error', hint: expect.stringMatching(/users list/)})
    expect(notFound.code).toBe(1)
    expect(agentError(notFound.stderr)).toMatchObject({code: 'resource_not_found', exit: 1, status: 404})
    expect(network.code).toBe(1)
    expect(agentError(network.stderr)).toMatchObject({code: 'network_error', exit: 1})
    expect(list.code, list.stderr).toBe(0)
    expect(JSON.parse(list.stdout)).toHaveLength(2)
  })

  it('refuses a write without --yes: exit 2, a preview and the confirming command line, nothing sent', async () => {
    const [user] = await t.json(['users', 'list', '--limit', '1'])
    const since = t.mark()
    const r = await t.run(['users', 'ban', user.id, '--mode', 'agent'])
    expect(r.code).toBe(2)
    const error = agentError(r.stderr)
    expect(error.code).toBe('confirmation_required')
    expect(error.preview.action).toContain(user.id)
    expect(error.preview.confirm_with).toBe(`clerk users ban ${user.id} --mode agent --yes`)
    expect(since().filter((q) => q.method !== 'GET')).toEqual([])
    const again = await t.run(error.preview.confirm_with.split(' ').slice(1))
    expect(again.code, again.stderr).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({id: user.id, banned: true})
  })

  it('a human run keeps its text errors', async () => {
    const r = await runCli(['users', 'get', 'user_x', '--bogus'], {env: {CLERK_SECRET_KEY: 'sk_test_x'}})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^Error: /)
  })
})
