/**
 * --jq on every command that prints data (lists, --all streams, single objects, `clerk api`), -r, --slurp,
 * and --filter (jq evaluated locally) on users list|count|export and the bulk --where selection.
 */
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import type {RequestLogEntry} from '../../src/emulator/server.js'
import {ROOT} from '../helpers/cli.js'
import {useEmulator, withEmulator} from '../helpers/harness.js'

const lines = (text: string) => text.split('\n').filter((l) => l !== '')
const userPages = (log: RequestLogEntry[]) => log.filter((r) => r.method === 'GET' && r.path === '/v1/users')

describe('--jq', () => {
  const t = useEmulator({rateLimit: 'off'})
  beforeAll(() => t.seedUsers(40))

  it('runs on each item of a list: one compact JSON result per line, in order', async () => {
    const users = await t.json(['users', 'list', '--limit', '5'])
    const r = await t.ok(['users', 'list', '--limit', '5', '--jq', '{id, plan: .public_metadata.plan}'])
    expect(lines(r.stdout)).toEqual(
      users.map((u: {id: string; public_metadata: {plan?: string}}) =>
        JSON.stringify({id: u.id, plan: u.public_metadata.plan ?? null}),
      ),
    )
  })

  it('-r prints strings raw; other values stay JSON; string interpolation, //, @csv and @tsv are jq’s', async () => {
    const users = await t.json(['users', 'list', '--limit', '3'])
    const r = await t.ok(['users', 'list', '--limit', '3', '-r', '--jq', '"\\(.id) \\(.last_sign_in_at // "never")"'])
    expect(lines(r.stdout)).toEqual(
      users.map((u: {id: string; last_sign_in_at: number | null}) => `${u.id} ${u.last_sign_in_at ?? 'never'}`),
    )
    const csv = await t.ok(['users', 'list', '--limit', '1', '-r', '--jq', '[.id, "a,\\"b", 3] | @csv, @tsv, 7'])
    expect(lines(csv.stdout)).toEqual([`"${users[0].id}","a,""b",3`, `${users[0].id}\ta,"b\t3`, '7'])
    const quoted = await t.ok(['users', 'list', '--limit', '1', '--jq', '.id'])
    expect(quoted.stdout).toBe(`"${users[0].id}"\n`)
  })

  it('a single object (users get, users count) goes through it too', async () => {
    const [u] = await t.json(['users', 'list', '--limit', '1'])
    const r = await t.ok(['users', 'get', u.id, '--jq', '[.object, .id]'])
    expect(r.stdout).toBe(`["user","${u.id}"]\n`)
    expect((await t.ok(['users', 'count', '--jq', '.total_count'])).stdout).toBe('40\n')
  })

  it('--slurp collects every item into one array first', async () => {
    const r = await t.ok([
      'users',
      'list',
      '--all',
      '--page-size',
      '7',
      '--slurp',
      '--jq',
      '[length, (map(.id) | unique | length)]',
    ])
    expect(r.stdout).toBe('[40,40]\n')
  })

  it('clerk api: on the answer, and per item with --paginate (or on all of them with --slurp)', async () => {
    const all = await t.json(['users', 'list', '--all'])
    const one = await t.ok(['api', '/users', '-q', 'limit=2', '--jq', 'length'])
    expect(one.stdout).toBe('2\n')
    const since = t.mark()
    const paged = await t.ok(['api', '/users', '--paginate', '--page-size', '10', '-r', '--jq', '.id'])
    expect(lines(paged.stdout)).toEqual(all.map((u: {id: string}) => u.id))
    expect(userPages(since()).length).toBeGreaterThanOrEqual(4)
    const slurped = await t.ok(['api', '/users', '--paginate', '--page-size', '10', '--slurp', '--jq', 'length'])
    expect(slurped.stdout).toBe('40\n')
  })

  it('implies JSON; -o csv/table with it, or -r/--slurp without it, are usage errors', async () => {
    const since = t.mark()
    expect((await t.usage(['users', 'list', '--jq', '.id', '-o', 'csv'])).stderr).toMatch(/--jq prints JSON/)
    expect((await t.usage(['users', 'list', '-r'])).stderr).toMatch(/--raw-output goes with --jq/)
    expect((await t.usage(['users', 'list', '--slurp'])).stderr).toMatch(/--slurp goes with --jq/)
    expect(since()).toEqual([])
    expect((await t.ok(['users', 'list', '--limit', '1', '--jq', '.object', '-o', 'ndjson'])).stdout).toBe('"user"\n')
  })

  it('a bad expression is exit 2 with jq’s message, and nothing is sent (every command that takes one)', async () => {
    const [u] = await t.json(['users', 'list', '--limit', '1'])
    const cmds = [
      ['users', 'list', '--jq', '.id |||'],
      ['users', 'list', '--all', '--jq', '.id |||'],
      ['users', 'get', u.id, '--jq', '.id |||'],
      ['users', 'export', '--jq', '.id |||'],
      ['api', '/users', '--paginate', '--jq', '.id |||'],
      ['orgs', 'list', '--jq', '.id |||'],
      ['users', 'ban', u.id, '--yes', '--jq', '.id |||'],
    ]
    for (const args of cmds) {
      const since = t.mark()
      const r = await t.usage(args)
      expect(r.stderr, args.join(' ')).toContain(
        "Error: --jq: jq: error: syntax error, unexpected '|' at <top-level>, line 1, column 6:",
      )
      expect(r.stdout).toBe('')
      expect(since(), args.join(' ')).toEqual([])
    }
    const since = t.mark()
    const unknown = await t.usage(['users', 'list', '--jq', 'nosuchfn(1)'])
    expect(unknown.stderr).toContain('nosuchfn/1 is not defined')
    for (const args of [
      ['users', 'list', '--filter', '.banned and'],
      ['users', 'count', '--filter', '.banned and'],
      ['users', 'export', '--filter', '.banned and'],
      ['users', 'ban', '--where', '--query', 'a', '--filter', '.banned and', '--dry-run'],
    ]) {
      const r = await t.usage(args)
      expect(r.stderr, args.join(' ')).toMatch(/^Error: --filter: jq: error: syntax error/)
    }
    expect(since()).toEqual([])
  })

  it('a jq error at run time stops the output there: exit 1 with jq’s message, the results before it printed', async () => {
    const users = await t.json(['users', 'list', '--all'])
    const third = users[2].id
    const r = await t.fails(1, [
      'users',
      'list',
      '--all',
      '-r',
      '--jq',
      `if .id == "${third}" then error("stop here") else .id end`,
    ])
    expect(lines(r.stdout)).toEqual([users[0].id, users[1].id])
    expect(r.stderr).toContain('Error: --jq: jq: error: stop here')
  })

  it('tokens: decode and verify --batch print through it too (per token, or all at once with --slurp)', async () => {
    const mint = async (user: string) =>
      (await t.emu.request('POST', '/__emulator/tokens', {user_id: user, expires_in_seconds: 300})).body.token as string
    const tokens = [await mint('user_j1'), await mint('user_j2')]
    const decoded = await t.ok(['token', 'decode', tokens[0], '-r', '--jq', '.claims.sub'])
    expect(decoded.stdout).toBe('user_j1\n')
    const input = `${tokens.join('\n')}\n`
    const batch = await t.ok(['token', 'verify', '--batch', '-r', '--jq', '"\\(.line) \\(.userId)"'], {input})
    expect(batch.stdout).toBe('1 user_j1\n2 user_j2\n')
    const slurped = await t.ok(['token', 'verify', '--batch', '--slurp', '--jq', 'map(.valid) | all'], {input})
    expect(slurped.stdout).toBe('true\n')
  })

  it('every list command that runs without arguments prints one result per item with --jq (the surface, looped)', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8'))
    const ids = Object.keys(manifest.commands).filter((id) => {
      const c = manifest.commands[id]
      const required =
        Object.values(c.args ?? {}).some((a) => (a as {required?: boolean}).required) ||
        Object.values(c.flags ?? {}).some((f) => (f as {required?: boolean}).required)
      return id.endsWith(':list') && !required && c.flags.jq
    })
    expect(ids.length).toBeGreaterThanOrEqual(8)
    for (const id of ids) {
      const args = id.split(':')
      const [json, jq] = await Promise.all([t.run([...args, '-o', 'json']), t.run([...args, '--jq', 'type'])])
      expect(jq.code, `${id}: ${jq.stderr}`).toBe(json.code)
      if (json.code !== 0) continue
      const items = JSON.parse(json.stdout) as unknown[]
      expect(lines(jq.stdout), id).toEqual(items.map(() => '"object"'))
    }
  }, 240_000)
})

describe('--jq on a stream', () => {
  it('prints as pages arrive (a few pages fetched before the first line), and --slurp waits for all of them', async () => {
    await withEmulator({rateLimit: 'off'}, async (t) => {
      t.seedUsers(600)
      t.emu.injectFault({kind: 'latency', ms: 150, path: '^/v1/users$', every: 1})
      const firstLine = async (args: string[]) => {
        const since = t.mark()
        const run = t.start(args)
        let pages = -1
        while (pages < 0) {
          if (run.output().stdout.includes('\n')) pages = userPages(since()).length
          else if (run.child.exitCode !== null) break
          else await new Promise((resolve) => setTimeout(resolve, 5))
        }
        const r = await run.done
        expect(r.code, r.stderr).toBe(0)
        return {pages, total: userPages(since()).length, stdout: r.stdout}
      }
      const streamed = await firstLine(['users', 'list', '--all', '--page-size', '30', '--jq', '.id', '-r'])
      expect(streamed.total).toBe(20)
      expect(lines(streamed.stdout)).toHaveLength(600)
      // the pager asks for 3 pages ahead of what is printed: the first line comes long before page 20
      expect(streamed.pages).toBeGreaterThanOrEqual(1)
      expect(streamed.pages).toBeLessThanOrEqual(5)
      const slurped = await firstLine(['users', 'list', '--all', '--page-size', '30', '--slurp', '--jq', 'length'])
      expect(slurped.pages).toBe(20)
      expect(slurped.stdout).toBe('600\n')
    })
  })
})

describe('--filter (jq, evaluated locally)', () => {
  const t = useEmulator({rateLimit: 'off'})
  let users: Array<{id: string; created_at: number; banned: boolean; public_metadata: {plan?: string}}>
  beforeAll(async () => {
    t.seedUsers(60)
    users = await t.json(['users', 'list', '--all', '--order-by', '+created_at'])
  })
  const pro = () => users.filter((u) => u.public_metadata.plan === 'pro')

  it('users list|count|export keep exactly the users it yields true for, and say how many were scanned', async () => {
    const expr = '.public_metadata.plan == "pro"'
    const listed = await t.ok([
      'users',
      'list',
      '--all',
      '--order-by',
      '+created_at',
      '--filter',
      expr,
      '--jq',
      '.id',
      '-r',
    ])
    expect(lines(listed.stdout)).toEqual(pro().map((u) => u.id))
    expect(listed.stderr).toContain(`--filter matched ${pro().length} of the 60 users scanned`)
    const counted = await t.ok(['users', 'count', '--filter', expr])
    expect(counted.stdout).toBe(`${pro().length}\n`)
    const exported = await t.ok(['users', 'export', '--progress', 'none', '--filter', expr])
    expect(lines(exported.stdout).map((l) => JSON.parse(l).id)).toEqual(pro().map((u) => u.id))
    expect(exported.stderr).toContain(`--filter kept ${pro().length} of the 60 scanned`)
    const ids = await t.ok(['users', 'export', '--progress', 'none', '--filter', expr, '--jq', '.id', '-r'])
    expect(lines(ids.stdout)).toEqual(pro().map((u) => u.id))
  })

  it('users export --jq: a jq error on page 3 writes the results before it, and the journal ends at page 2', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jq-export-')), 'ids.txt')
    const at = users[45].id
    const expr = `if .id == "${at}" then error("stop here") else .id end`
    const r = await t.fails(1, ['users', 'export', '--page-size', '20', '--out', out, '--jq', expr, '-r'])
    expect(r.stderr).toContain('Error: --jq: jq: error: stop here')
    expect(readFileSync(out, 'utf8')).toBe(
      users
        .slice(0, 45)
        .map((u) => `${u.id}\n`)
        .join(''),
    )
    const pages = lines(readFileSync(`${out}.journal`, 'utf8'))
      .map((l) => JSON.parse(l) as {t: string; rows?: number; last_id?: string})
      .filter((e) => e.t === 'page')
    expect(pages.map((p) => [p.rows, p.last_id])).toEqual([
      [20, users[19].id],
      [40, users[39].id],
    ])
  })

  it('a jq error in it is exit 1, naming the user', async () => {
    const r = await t.fails(1, ['users', 'count', '--filter', '.public_metadata.plan | keys'])
    expect(r.stderr).toMatch(/^Error: --filter: jq: error: string \("\w+"\) has no keys \(on user_\w+\)/)
  })

  it('selects the users of a bulk --where run after the server-side filters: the plan says scanned and matched', async () => {
    const cutoff = users[40].created_at
    const before = users.filter((u) => u.created_at < cutoff)
    const expected = before.filter((u) => u.public_metadata.plan === 'pro').map((u) => u.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(pro().length)
    const cwd = mkdtempSync(join(tmpdir(), 'jq-bulk-'))
    const args = ['users', 'ban', '--where', '--created-before', String(cutoff), '--filter']
    const filter = '.public_metadata.plan == "pro" and (.last_sign_in_at // 0) < 9999999999999 # trial users'
    const since = t.mark()
    const dry = await t.ok([...args, filter, '--dry-run', '--journal', join(cwd, 'ban.journal')], {cwd})
    expect(dry.stderr).toContain(
      `selected: ${before.length} users scanned (GET /v1/users), ${expected.length} matched --filter`,
    )
    expect(dry.stderr).toContain(`rows:      ${expected.length} (${expected.length} valid)`)
    expect(dry.stderr).toContain('Dry run: nothing was sent.')
    expect(since().filter((r) => r.method !== 'GET')).toEqual([])
    expect(lines(readFileSync(join(cwd, 'ban.journal.ids'), 'utf8'))).toEqual(expected)

    const real = await t.ok([...args, filter, '--yes', '--journal', join(cwd, 'ban2.journal'), '--progress', 'none'], {
      cwd,
    })
    expect(real.stderr).toContain(`${expected.length} matched --filter`)
    expect(
      t.emu.store.users
        .values()
        .filter((u) => u.banned)
        .map((u) => u.id)
        .sort(),
    ).toEqual([...expected].sort())
  })

  it('--filter on a bulk command needs --where', async () => {
    const since = t.mark()
    const r = await t.usage(['users', 'ban', '--file', 'ids.txt', '--filter', '.banned', '--dry-run'])
    expect(r.stderr).toContain('--filter selects users with --where')
    expect(since()).toEqual([])
  })
})
