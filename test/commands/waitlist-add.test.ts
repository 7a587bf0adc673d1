/** `clerk waitlist add`: addresses as arguments, and --file through the bulk runner (batches of 50). */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeEach, beforeAll, describe, expect, it} from 'vitest'

import {emulatorEnv, runCli} from '../helpers/cli.js'
import {startTestEmulator} from '../helpers/emulator.js'

let emu: Awaited<ReturnType<typeof startTestEmulator>>
const dir = mkdtempSync(join(tmpdir(), 'clerk-waitlist-'))
const run = (args: string[], input?: string) => runCli(['waitlist', 'add', ...args], {env: emulatorEnv(emu), input})
const bulkPosts = () => emu.requests.filter((r) => r.method === 'POST' && r.path === '/v1/waitlist_entries/bulk')

beforeAll(async () => {
  emu = await startTestEmulator({rateLimit: 'off'})
})
beforeEach(() => {
  emu.store.collection('waitlist_entries').clear()
  emu.requests.length = 0
})
afterAll(async () => {
  emu.assertResponsesMatchSpec()
  await emu.stop()
})

describe('clerk waitlist add', () => {
  it('adds addresses given as arguments in one bulk request and prints them', async () => {
    const r = await run(['a@example.com', 'b@example.com', '--no-notify', '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).map((e: {email_address: string}) => e.email_address)).toEqual([
      'a@example.com',
      'b@example.com',
    ])
    expect(bulkPosts()).toHaveLength(1)
    expect((await run([])).code).toBe(2)
  })

  it('--file: 120 rows in batches of 50, a repeated address skipped, a report per row', async () => {
    const rows = Array.from({length: 120}, (_, i) => `user${i}@example.com,${i % 2 === 0}`)
    rows.push('USER0@example.com,true')
    writeFileSync(join(dir, 'signups.csv'), `email,notify\n${rows.join('\n')}\n`)
    const report = join(dir, 'report.ndjson')
    const r = await run(['--file', join(dir, 'signups.csv'), '--yes', '--report', report, '--progress', 'none'])
    expect(r.code, r.stderr).toBe(0)
    expect(bulkPosts()).toHaveLength(3)
    expect(emu.store.collection('waitlist_entries').size).toBe(120)
    const outcomes = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(outcomes.filter((o) => o.status === 'ok')).toHaveLength(120)
    expect(outcomes.filter((o) => o.status === 'skipped')).toHaveLength(1)
    expect(outcomes.find((o) => o.row === 1).id).toMatch(/^wle_/)
  })

  it('--file: invalid rows stop the job before anything is sent (exit 2); --skip-invalid sends the rest (exit 5)', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'email_address\nok1@example.com\nnot-an-email\nok2@example.com\n')
    const stop = await run(['--file', join(dir, 'bad.csv'), '--yes', '--progress', 'none'])
    expect(stop.code).toBe(2)
    expect(emu.requests).toHaveLength(0)
    const skip = await run([
      '--file',
      join(dir, 'bad.csv'),
      '--yes',
      '--skip-invalid',
      '--progress',
      'none',
      '--journal',
      join(dir, 'bad.journal'),
    ])
    expect(skip.code).toBe(5)
    expect(emu.store.collection('waitlist_entries').size).toBe(2)
  })

  it('--file - reads one address per line from stdin; a batch refused as a whole is retried row by row', async () => {
    emu.injectFault({kind: 'status', status: 422, path: '^/v1/waitlist_entries/bulk$', times: 1})
    const r = await run(
      [
        '--file',
        '-',
        '--input-format',
        'lines',
        '--yes',
        '--progress',
        'none',
        '--journal',
        join(dir, 'stdin.journal'),
      ],
      'x@example.com\ny@example.com\n',
    )
    expect(r.code, r.stderr).toBe(0)
    expect(emu.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'POST /v1/waitlist_entries/bulk',
      'POST /v1/waitlist_entries',
      'POST /v1/waitlist_entries',
    ])
    expect(emu.store.collection('waitlist_entries').size).toBe(2)
  })
})
