/**
 * `npm run demo` walks through the main jobs against the emulator, each step printed as the command a user
 * would type: users list, orgs invite --file (plan and per-row results), token verify (valid, then a
 * missing permission: exit 4), and a bulk import interrupted and resumed.
 */
import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {expect, it} from 'vitest'

import {ROOT, baseEnv} from '../helpers/cli.js'

it('npm run demo shows every main job working', async () => {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'demo.js')], {cwd: ROOT, env: baseEnv()})
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  expect(code, out).toBe(0)
  for (const command of [
    '$ clerk users list --limit 5',
    '$ clerk orgs invite acme --file people.csv --dry-run',
    '$ clerk orgs invite acme --file people.csv --yes --report report.ndjson',
    '$ clerk token verify $TOKEN --permission org:invoices:read',
    '$ clerk token verify $TOKEN --permission org:invoices:write',
    '$ clerk users import new-users.csv --yes --resume -o ndjson | tail -1',
  ])
    expect(out).toContain(command)
  // the invite: a plan, then one result per row (an invalid address fails alone, a member is skipped)
  expect(out).toMatch(/Plan: orgs invite from people\.csv/)
  expect(out).toMatch(/^1\s+ok\s+ada@example\.com/m)
  expect(out).toMatch(/^3\s+failed\s+"not-an-/m)
  expect(out).toMatch(/^4\s+skipped\s+\S+\s+already a member/m)
  // token verify: valid, then exit 4
  expect(out).toMatch(/Status\s+│ FORBIDDEN/)
  expect(out).toContain('(exit 4)')
  // the import: interrupted (130), then resumed to the end with nobody created twice
  expect(out).toContain('(exit 130)')
  expect(out).toMatch(/users import: 60 rows · 60 ok · 0 skipped · 0 failed/)
  expect(out).toMatch(/\$ clerk users count --query demo\n60\n/)
  const seconds = Number(/done in ([\d.]+)s/.exec(out)?.[1])
  expect(seconds).toBeGreaterThan(0)
}, 180_000)
