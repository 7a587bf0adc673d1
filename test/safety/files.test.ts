/**
 * Files that hold user data or secrets are private (0600, directories 0700), never written through a
 * planted symlink, and output files may not be the input or each other (exit 2 before anything is opened).
 */
import {spawn} from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {startEmulator} from '../../src/emulator/server.js'
import {BIN, ROOT, baseEnv} from '../helpers/cli.js'
import {useEmulator} from '../helpers/harness.js'
import {changing} from './fixtures.js'

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8)
const fresh = () => mkdtempSync(join(tmpdir(), 'clerk-files-'))
const CSV = 'email_address,first_name,password\nfile-one@example.com,Ada,correct-horse-battery-1\n'

describe('private files', () => {
  const t = useEmulator({rateLimit: 'off'})

  it('report, journal and users import input from stdin: 0600, and no spooled copy is left', async () => {
    const dir = fresh()
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('clerk-bulk-stdin-'))
    await t.ok(
      ['users', 'import', '-', '--yes', '--report', join(dir, 'r.ndjson'), '--journal', join(dir, 'j.journal')],
      {
        input: CSV,
        cwd: dir,
      },
    )
    expect(mode(join(dir, 'r.ndjson'))).toBe('600')
    expect(mode(join(dir, 'j.journal'))).toBe('600')
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('clerk-bulk-stdin-'))).toEqual(before)
  })

  it('the default journal next to the input, and a report over an existing 0644 file: 0600', async () => {
    const dir = fresh()
    writeFileSync(join(dir, 'u.csv'), CSV.replace('file-one', 'file-two'))
    writeFileSync(join(dir, 'r.ndjson'), 'old\n', {mode: 0o644})
    chmodSync(join(dir, 'r.ndjson'), 0o644)
    await t.ok(['users', 'import', join(dir, 'u.csv'), '--yes', '--report', join(dir, 'r.ndjson')])
    expect(mode(join(dir, 'u.csv.journal'))).toBe('600')
    expect(mode(join(dir, 'r.ndjson'))).toBe('600')
  })

  it('users export --out and its journal: 0600', async () => {
    t.seedUsers(3)
    const dir = fresh()
    await t.ok(['users', 'export', '--out', join(dir, 'users.ndjson')])
    expect(mode(join(dir, 'users.ndjson'))).toBe('600')
    expect(mode(join(dir, 'users.ndjson.journal'))).toBe('600')
  })

  it('the id list of a --where run: 0600', async () => {
    t.seedUsers(2)
    const dir = fresh()
    await t.ok(['users', 'unban', '--where', '--query', 'example', '--yes', '--journal', join(dir, 'w.journal')], {
      cwd: dir,
    })
    const lists = readdirSync(dir).filter((n) => n !== 'w.journal' && !n.endsWith('.lock'))
    expect(lists.length).toBeGreaterThan(0)
    for (const n of lists) expect(mode(join(dir, n)), n).toBe('600')
  })

  it('a report path that is a planted symlink is refused, its target untouched', async () => {
    const dir = fresh()
    writeFileSync(join(dir, 'target'), 'keep')
    symlinkSync(join(dir, 'target'), join(dir, 'r.ndjson'))
    const since = t.mark()
    await t.usage(['users', 'import', '-', '--yes', '--report', join(dir, 'r.ndjson'), '--journal', join(dir, 'j')], {
      input: CSV.replace('file-one', 'file-three'),
    })
    expect(readFileSync(join(dir, 'target'), 'utf8')).toBe('keep')
    expect(changing(since())).toEqual([])
  })

  it("the emulator's --persist file (it holds the JWT signing key): 0600", async () => {
    const dir = fresh()
    const emu = await startEmulator({persist: join(dir, 'state.json'), rateLimit: 'off'})
    await emu.stop()
    expect(mode(join(dir, 'state.json'))).toBe('600')
  })
})

describe('the config file', () => {
  function configSet(dir: string, plant?: (pid: number) => void) {
    const child = spawn(process.execPath, [BIN, 'config', 'set', 'secret-key'], {
      cwd: ROOT,
      env: baseEnv({CLERK_ADMIN_CONFIG_DIR: dir}),
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    plant?.(child.pid!)
    child.stdin.end('sk_test_plantedsymlink0000000000000000000\n')
    return new Promise<{code: number | null; stderr: string}>((resolve) =>
      child.on('close', (code) => resolve({code, stderr})),
    )
  }

  it('is written 0600 in a 0700 directory', async () => {
    const dir = join(fresh(), 'cfg')
    const r = await configSet(dir)
    expect(r.code, r.stderr).toBe(0)
    expect(mode(dir)).toBe('700')
    expect(mode(join(dir, 'config.json'))).toBe('600')
  })

  it('a symlink planted at the temp path is refused, never followed', async () => {
    const dir = join(fresh(), 'cfg')
    mkdirSync(dir, {mode: 0o700})
    const victim = join(fresh(), 'victim')
    writeFileSync(victim, 'keep')
    const r = await configSet(dir, (pid) => symlinkSync(victim, join(dir, `config.json.${pid}.tmp`)))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/symbolic link|exists already/)
    expect(readFileSync(victim, 'utf8')).toBe('keep')
    expect(existsSync(join(dir, 'config.json'))).toBe(false)
    expect(lstatSync(join(dir, readdirSync(dir)[0])).isSymbolicLink()).toBe(true)
  })

  it('a config directory others can write is refused', async () => {
    const dir = join(fresh(), 'cfg')
    mkdirSync(dir)
    chmodSync(dir, 0o777)
    const r = await configSet(dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/others can write/)
    expect(existsSync(join(dir, 'config.json'))).toBe(false)
  })
})

describe('output files may not be the input or each other', () => {
  const t = useEmulator({rateLimit: 'off'})

  it('users import x.csv --report x.csv: exit 2, the input intact, nothing sent', async () => {
    const dir = fresh()
    const input = join(dir, 'x.csv')
    writeFileSync(input, CSV)
    symlinkSync(input, join(dir, 'alias.csv'))
    const since = t.mark()
    for (const report of [input, join(dir, 'alias.csv'), `${dir}/./x.csv`]) {
      const r = await t.usage(['users', 'import', input, '--yes', '--report', report])
      expect(r.stderr).toMatch(/same file/)
    }
    await t.usage(['users', 'import', input, '--yes', '--journal', input])
    await t.usage(['users', 'import', input, '--yes', '--journal', join(dir, 'o'), '--report', join(dir, 'o')])
    expect(readFileSync(input, 'utf8')).toBe(CSV)
    expect(since()).toEqual([])
  })

  it('users export --out equal to --journal: exit 2', async () => {
    const dir = fresh()
    await t.usage(['users', 'export', '--out', join(dir, 'a'), '--journal', join(dir, 'a')])
  })
})
