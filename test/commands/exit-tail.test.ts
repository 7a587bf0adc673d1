/**
 * Every command's process exits once its output is written: after the last write to stdout/stderr nothing
 * is left that keeps Node's event loop alive (no limiter or bottleneck timer, no keep-alive socket, no open
 * file). test/helpers/exit-probe.mjs is preloaded with NODE_OPTIONS and reports what was still active two
 * loop turns after the last write. Not timed: the time it takes is measured by bench/startup.bench.js.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'
import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const dir = mkdtempSync(join(tmpdir(), 'clerk-exit-tail-'))
const probe = join(ROOT, 'test', 'helpers', 'exit-probe.mjs')
let n = 0

interface ProbeReport {
  /** writes seen when the snapshot was taken (less than totalWrites: the process ended before two loop turns) */
  writes: number
  totalWrites: number
  resources: string[]
  undici: boolean
}

async function leftAfterOutput(args: string[], expectedCode: number): Promise<ProbeReport> {
  const file = join(dir, `probe-${++n}.json`)
  const r = await t.run(args, {
    env: {NODE_OPTIONS: `--import ${pathToFileURL(probe).href}`, CLERK_EXIT_PROBE_FILE: file},
  })
  expect(r.code, `clerk ${args.join(' ')}: ${r.stderr}`).toBe(expectedCode)
  const report = JSON.parse(readFileSync(file, 'utf8')) as ProbeReport
  expect(report.totalWrites, 'the command wrote something').toBeGreaterThan(0)
  return report
}

const csv = join(dir, 'users.csv')
writeFileSync(csv, ['email', ...Array.from({length: 12}, (_, i) => `exit${i}@example.com`)].join('\n') + '\n')

// the 4th element: the command loads @clerk/backend (and with it Node's fetch)
const cases: Array<[string, () => string[], number, boolean?]> = [
  ['--version', () => ['--version'], 0],
  ['help', () => ['users', 'list', '--help'], 0],
  ['a list (one request through the limiter)', () => ['users', 'list', '--limit', '10', '-o', 'json'], 0],
  ['a paged list', () => ['users', 'list', '--all', '--page-size', '2', '-o', 'ndjson'], 0],
  ['an API error', () => ['sessions', 'get', 'sess_missing'], 1],
  ['an API error through @clerk/backend (users get)', () => ['users', 'get', 'user_missing'], 1, true],
  ['a usage error', () => ['users', 'list', '--limit', 'many'], 2],
  ['a dry run', () => ['users', 'import', csv, '--dry-run'], 0],
  [
    'a bulk import (journal, many paced requests)',
    () => ['users', 'import', csv, '--yes', '--journal', join(dir, `import-${n}.journal`), '--progress', 'lines'],
    0,
  ],
  ['an export to a file', () => ['users', 'export', '--out', join(dir, `export-${n}.ndjson`), '--progress', 'none'], 0],
]

describe('no idle tail: nothing keeps the process alive after its output', () => {
  it.each(cases)('%s', async (_name, args, code, sdk = false) => {
    t.seedUsers(5)
    const report = await leftAfterOutput(args(), code)
    // stdio pipes are the only handles allowed (the probe's snapshot never sees its own immediates)
    expect(report.resources.filter((r) => r !== 'PipeWrap' && r !== 'TTYWrap')).toEqual([])
    // raw requests go over node:http: Node's fetch (undici, ~0.25 s CPU to load and warm) is loaded only
    // with @clerk/backend
    expect(report.undici, 'undici loaded').toBe(sdk)
  })
})
