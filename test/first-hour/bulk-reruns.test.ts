/**
 * Bulk reruns as a nightly job in a reused workspace does them: a finished run's journal does not block the
 * next run (it is set aside, and the run says so); per-row results on stdout in the chosen -o format; the
 * import plan lists the columns used, mapped and ignored.
 */
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const dir = () => mkdtempSync(join(tmpdir(), 'clerk-rerun-'))

function csv(d: string, name: string, lines: string[]): string {
  const path = join(d, name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

describe('a finished run does not block the next one', () => {
  it('users export --out FILE twice: the second run starts fresh and keeps the old journal aside', async () => {
    t.seedUsers(3)
    const d = dir()
    const out = join(d, 'users.ndjson')
    await t.ok(['users', 'export', '--out', out, '-o', 'ndjson'])
    const again = await t.ok(['users', 'export', '--out', out, '-o', 'ndjson'])
    expect(again.stderr).toMatch(
      /users\.ndjson\.journal is the journal of a run that finished at .*: starting a new run \(the old journal is kept as .*users\.ndjson\.journal\.\d{4}-/,
    )
    const journals = readdirSync(d).filter((f) => f.startsWith('users.ndjson.journal'))
    expect(journals).toHaveLength(2)
    expect(existsSync(`${out}.journal`)).toBe(true)
  })

  it('users import FILE twice: the rerun plans afresh (existing users skipped), exit 0', async () => {
    const d = dir()
    const file = csv(d, 'people.csv', ['email_address,first_name', 'rerun-a@example.com,A', 'rerun-b@example.com,B'])
    await t.ok(['users', 'import', file, '--yes', '-o', 'ndjson'])
    const again = await t.ok(['users', 'import', file, '--yes', '-o', 'ndjson'])
    expect(again.stderr).toMatch(/people\.csv\.journal is the journal of a run that finished/)
    const rows = again.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(rows.map((r) => r.status)).toEqual(['skipped', 'skipped'])
  })

  it('a journal of a run that did not finish still asks for --resume', async () => {
    const d = dir()
    const file = csv(d, 'half.csv', ['email_address', 'half-a@example.com'])
    writeFileSync(
      `${file}.journal`,
      `${JSON.stringify({t: 'header', v: 1, job: 'users import', input: 'half.csv', sha256: 'x', created_at: new Date().toISOString()})}\n${JSON.stringify({t: 'run', at: new Date().toISOString(), pid: 1})}\n`,
    )
    const since = t.mark()
    const r = await t.usage(['users', 'import', file, '--yes'])
    expect(r.stderr).toMatch(/^Error: journal .*half\.csv\.journal is from an earlier run that did not finish/m)
    expect(r.stderr).toMatch(/^Hint: add --resume/m)
    expect(since()).toEqual([])
  })
})

describe('--file runs print per-row results on stdout in the chosen format', () => {
  it('ndjson, json, csv and a table', async () => {
    const d = dir()
    const lines = ['email_address', 'rows-ok@example.com', 'not-an-address']
    const nd = await t.fails(5, ['users', 'import', csv(d, 'a.csv', lines), '--yes', '--skip-invalid', '-o', 'ndjson'])
    const rows = nd.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(rows.find((r) => r.row === 1)).toMatchObject({key: 'rows-ok@example.com', status: 'ok'})
    expect(rows.find((r) => r.row === 2)).toMatchObject({status: 'failed', code: 'invalid_row'})
    expect(rows[0].id ?? rows[1].id).toMatch(/^user_/)

    const lines2 = ['email_address', 'rows-json@example.com']
    const json = await t.ok(['users', 'import', csv(d, 'b.csv', lines2), '--yes', '-o', 'json'])
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({row: 1, status: 'ok', key: 'rows-json@example.com'}),
    ])

    const c = await t.ok([
      'users',
      'import',
      csv(d, 'c.csv', ['email_address', 'rows-csv@example.com']),
      '--yes',
      '-o',
      'csv',
    ])
    const [header, first] = c.stdout.split('\n')
    expect(header).toBe('row,key,status,id,code,message')
    expect(first).toMatch(/^1,rows-csv@example\.com,ok,user_/)

    const table = await t.ok(['users', 'import', csv(d, 'd.csv', ['email_address', 'rows-table@example.com']), '--yes'])
    expect(table.stdout).toMatch(/^ROW\s+STATUS\s+KEY\s+MESSAGE/m)
    expect(table.stdout).toMatch(/^1\s+ok\s+rows-table@example/m)

    // the same for other bulk commands: a revoke by file
    const ids = await t.json(['users', 'list', '--email', 'rows-table@example.com'])
    const banned = await t.ndjson(['users', 'ban', '--file', csv(d, 'ban.txt', [ids[0].id]), '--yes'])
    expect(banned).toEqual([expect.objectContaining({row: 1, key: ids[0].id, status: 'ok'})])
  })
})

describe('the import plan lists the columns', () => {
  it('used, mapped (--map) and accepted-but-ignored (what `users export` writes), before anything is sent', async () => {
    const d = dir()
    const file = csv(d, 'plan.csv', [
      'id,email_address,first_name,Surname,created_at',
      'user_old1,plan@example.com,Ada,Lovelace,2020-01-01T00:00:00.000Z',
    ])
    const since = t.mark()
    const r = await t.ok(['users', 'import', file, '--map', 'last_name=Surname', '--dry-run'])
    expect(r.stderr).toMatch(/^ {2}columns: {3}used email_address, first_name, created_at$/m)
    expect(r.stderr).toMatch(/^ +mapped last_name <- "Surname"$/m)
    expect(r.stderr).toMatch(/^ +ignored id$/m)
    // a misspelt column is not ignored silently: exit 2 naming it, before anything is sent
    const typo = csv(d, 'typo.csv', ['email_address,emial', 'plan@example.com,x'])
    const bad = await t.usage(['users', 'import', typo, '--dry-run'])
    expect(bad.stderr).toMatch(/unknown column "emial" \(did you mean email\?\)/)
    expect(since()).toEqual([])
  })
})
