/**
 * --dry-run and --validate-only: no request that changes anything leaves the process, in single and file
 * mode alike, on every command that offers them (driven over the manifest; a new one without a case in
 * cases.ts fails here). Single mode says what it would have sent.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'
import {DRY_RUN, DRY_RUN_INPUT, FILE_MODE, manifestCommands} from './cases.js'
import {type Fixtures, changing, makeFixtures} from './fixtures.js'

const commands = manifestCommands()
const dryRun = commands.filter((c) => c.flags['dry-run'])
const validateOnly = commands.filter((c) => c.flags['validate-only'])

describe('every command with --dry-run / --validate-only', () => {
  const t = useEmulator({rateLimit: 'off'})
  let f: Fixtures
  beforeAll(async () => {
    f = await makeFixtures(t)
  })

  it('has a case (add one to test/safety/cases.ts for a new command)', () => {
    expect(dryRun.length).toBeGreaterThan(8)
    expect(dryRun.map((c) => c.id).filter((id) => !DRY_RUN[id])).toEqual([])
    expect(validateOnly.map((c) => c.id).filter((id) => !DRY_RUN[id])).toEqual([])
  })

  for (const flag of ['--dry-run', '--validate-only']) {
    for (const c of flag === '--dry-run' ? dryRun : validateOnly) {
      it(`${c.id} ${flag} (single mode, --yes too): exit 0, nothing changing sent, says what it would do`, async () => {
        const since = t.mark()
        const r = await t.ok([...DRY_RUN[c.id](f), flag, ...(c.flags.yes ? ['--yes'] : [])], {
          input: DRY_RUN_INPUT[c.id],
        })
        expect(changing(since())).toEqual([])
        expect(r.stderr).toMatch(/would send|Dry run|nothing was sent|valid|no change/i)
      })
    }
  }

  for (const c of dryRun.filter((c) => c.flags.file)) {
    for (const flag of ['--dry-run', '--validate-only']) {
      it(`${c.id} --file ${flag} --yes: nothing changing sent`, async () => {
        expect(FILE_MODE[c.id], `no file-mode case for ${c.id}`).toBeDefined()
        const dir = mkdtempSync(join(tmpdir(), 'clerk-safety-'))
        const {argv, file, name} = FILE_MODE[c.id](f)
        writeFileSync(join(dir, name), file)
        const since = t.mark()
        await t.ok([...argv, '--file', join(dir, name), flag, '--yes'])
        expect(changing(since())).toEqual([])
      })
    }
  }

  // input honesty (#12): a column no job reads is refused (exit 2, named) before anything is sent, in every
  // file-mode job; a list or export of the same resource is accepted as the input
  it('every --file job refuses an unknown column, and accepts its own list output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clerk-columns-'))
    for (const [id, make] of Object.entries(FILE_MODE)) {
      const {argv, file, name} = make(f)
      const path = join(dir, `${id.replaceAll(':', '-')}-${name.replace(/\.txt$/, '.csv')}`)
      if (name.endsWith('.jsonl'))
        writeFileSync(path, `${JSON.stringify({...JSON.parse(file.trim()), bogus_col: 'x'})}\n`)
      else if (name.endsWith('.csv')) writeFileSync(path, file.replace(/\n/, ',bogus_col\n').replace(/\n$/, ',x\n'))
      else writeFileSync(path, `${file.includes('@') ? 'email' : 'id'},bogus_col\n${file.trim()},x\n`)
      const since = t.mark()
      const r = await t.usage([...argv, '--file', path, '--dry-run'])
      expect(r.stderr, id).toMatch(/unknown (column|key) "bogus_col"/)
      expect(changing(since()), id).toEqual([])
    }
    const exported = join(dir, 'users.csv')
    writeFileSync(exported, (await t.ok(['users', 'list', '-o', 'csv', '--limit', '1'])).stdout)
    const plan = await t.ok(['users', 'ban', '--file', exported, '--dry-run'])
    expect(plan.stderr).toMatch(/columns: {3}used id\n +ignored email, /)
  })

  it('single mode prints the request it did not send (method, path, body)', async () => {
    const r = await t.ok(['invitations', 'create', '--email', 'shown@example.com', '--dry-run'])
    expect(r.stderr).toMatch(/dry run: would send POST \/v1\/invitations .*shown@example\.com/)
    expect(r.stderr).toMatch(/Dry run: nothing was sent/)
    const d = await t.ok(['users', 'delete', f.user2, '--dry-run'])
    expect(d.stderr).toContain(`would send DELETE /v1/users/${f.user2}`)
  })

  it('bulk-only flags in single mode are exit 2, not ignored', async () => {
    const since = t.mark()
    for (const argv of [
      ['users', 'delete', f.user2, '--yes', '--report', join(tmpdir(), 'never.ndjson')],
      ['invitations', 'create', '--email', 'x@example.com', '--journal', join(tmpdir(), 'never.journal')],
      ['waitlist', 'add', 'y@example.com', '--skip-invalid'],
    ]) {
      const r = await t.usage(argv)
      expect(r.stderr).toMatch(/applies only with --file/)
    }
    expect(changing(since())).toEqual([])
  })
})
