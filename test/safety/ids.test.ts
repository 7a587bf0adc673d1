/**
 * Every id that goes into a URL path is checked against its resource's id form before any request:
 * `..`, `.`, slashes, encoded dots and anything else are exit 2 and nothing at all is sent. Driven over
 * every id argument of every command (read from the command classes, the same as test/guards/safety.test.ts).
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'
import {useEmulator} from '../helpers/harness.js'
import {manifestCommands} from './cases.js'

// one bad value per id position (every id argument goes through the same check); the variety on one command below
const BAD = ['..']
const ALL_BAD = ['..', '.', 'user_1/../..', '%2e%2e', 'a/b', '', ' ', 'user_', 'user_abc?x=1', 'user_abc#x']

interface IdArgCase {
  id: string
  argv: (bad: string, at: number) => string[]
  positions: Array<{name: string; kind: string; at: number}>
}

const cases: IdArgCase[] = []

beforeAll(async () => {
  for (const c of manifestCommands()) {
    const rel = (c as unknown as {relativePath?: string[]}).relativePath
    if (!rel) continue
    const cls = (await import(pathToFileURL(join(ROOT, ...rel)).href)).default as {
      args?: Record<string, {idKind?: string; required?: boolean}>
    }
    const args = Object.entries(cls.args ?? {})
    const positions = args.map(([name, a], at) => ({name, kind: a.idKind ?? '', at})).filter((p) => p.kind !== '')
    if (positions.length === 0) continue
    const good = args.map(([name, a]) => (a.idKind ? `${a.idKind}_2abcDEF123` : name === 'role' ? 'org:admin' : 'x'))
    cases.push({
      id: c.id,
      positions,
      argv: (bad, at) => [...c.id.split(':'), ...good.map((g, i) => (i === at ? bad : g)), '--yes'],
    })
  }
})

describe('id arguments', () => {
  const t = useEmulator({rateLimit: 'off'})

  it('cover the commands that put ids in paths', () => {
    const ids = cases.map((c) => c.id)
    for (const id of ['orgs:members:remove', 'users:delete', 'sessions:revoke', 'invitations:revoke', 'orgs:get'])
      expect(ids).toContain(id)
  })

  it('every id argument: `..`, `.`, slashes, encoded dots are exit 2 and no request is sent', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'clerk-ids-'))
    const runs: string[][] = []
    for (const c of cases) for (const p of c.positions) for (const bad of BAD) runs.push(c.argv(bad, p.at))
    const users = cases.find((c) => c.id === 'users:delete')!
    for (const bad of ALL_BAD) runs.push(users.argv(bad, 0))
    const since = t.mark()
    const failures: string[] = []
    // four at a time (each is a process); the log is checked as a whole: no run may send anything
    for (let i = 0; i < runs.length; i += 4) {
      await Promise.all(
        runs.slice(i, i + 4).map(async (argv) => {
          const r = await t.run(argv, {cwd})
          if (r.code !== 2) failures.push(`${argv.join(' ')}: exit ${r.code}; ${r.stderr.trim()}`)
        }),
      )
    }
    expect(failures).toEqual([])
    expect(since().map((r) => `${r.method} ${r.path}`)).toEqual([])
  }, 600_000)

  it('`orgs members remove ORG ..` cannot reach the organization', async () => {
    const org = (await t.emu.request('POST', '/v1/organizations', {name: 'Keep', slug: 'keep-me'})).body.id
    const since = t.mark()
    const r = await t.usage(['orgs', 'members', 'remove', org, '..', '--yes'])
    expect(r.stderr).toMatch(/is not a user id/)
    expect(since()).toEqual([])
    expect((await t.emu.request('GET', `/v1/organizations/${org}`)).status).toBe(200)
  })

  it('variadic ids are checked too (invitations revoke, orgs invitations revoke)', async () => {
    const since = t.mark()
    await t.usage(['invitations', 'revoke', 'inv_2abc', '..', '--yes'])
    await t.usage(['orgs', 'invitations', 'revoke', 'org_2abc', 'orginv_2abc', '../x', '--yes'])
    expect(since()).toEqual([])
  })

  it('`clerk api` refuses a path with dot segments before sending', async () => {
    const since = t.mark()
    await t.usage(['api', '-X', 'DELETE', '/organizations/org_2abc/memberships/..', '--skip-check'])
    expect(since()).toEqual([])
  })
})
