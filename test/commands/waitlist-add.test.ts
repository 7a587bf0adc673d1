/** `clerk waitlist add`: addresses as arguments, and --file through the bulk runner (batches of 50). */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const dir = mkdtempSync(join(tmpdir(), 'clerk-waitlist-'))
const bulkPosts = () => t.emu.requests.filter((r) => r.method === 'POST' && r.path === '/v1/waitlist_entries/bulk')

beforeEach(() => {
  t.emu.store.collection('waitlist_entries').clear()
  t.emu.requests.length = 0
})

describe('clerk waitlist add', () => {
  it('adds addresses given as arguments in one bulk request and prints them', async () => {
    const r = await t.run(['waitlist', 'add', 'a@example.com', 'b@example.com', '--no-notify', '-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).map((e: {email_address: string}) => e.email_address)).toEqual([
      'a@example.com',
      'b@example.com',
    ])
    expect(bulkPosts()).toHaveLength(1)
    expect((await t.run(['waitlist', 'add'])).code).toBe(2)
  })

  it('--file: 120 rows in batches of 50, a repeated address skipped, a report per row', async () => {
    const rows = Array.from({length: 120}, (_, i) => `user${i}@example.com,${i % 2 === 0}`)
    rows.push('USER0@example.com,true')
    writeFileSync(join(dir, 'signups.csv'), `email,notify\n${rows.join('\n')}\n`)
    const report = join(dir, 'report.ndjson')
    const r = await t.run([
      'waitlist',
      'add',
      '--file',
      join(dir, 'signups.csv'),
      '--yes',
      '--report',
      report,
      '--progress',
      'none',
    ])
    expect(r.code, r.stderr).toBe(0)
    expect(bulkPosts()).toHaveLength(3)
    expect(t.emu.store.collection('waitlist_entries').size).toBe(120)
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
    const stop = await t.run(['waitlist', 'add', '--file', join(dir, 'bad.csv'), '--yes', '--progress', 'none'])
    expect(stop.code).toBe(2)
    expect(t.emu.requests).toHaveLength(0)
    const skip = await t.run([
      'waitlist',
      'add',
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
    expect(t.emu.store.collection('waitlist_entries').size).toBe(2)
  })

  it('--file - reads one address per line from stdin; a batch refused as a whole is retried row by row', async () => {
    t.emu.injectFault({kind: 'status', status: 422, path: '^/v1/waitlist_entries/bulk$', times: 1})
    const r = await t.run(
      [
        'waitlist',
        'add',
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
      {input: 'x@example.com\ny@example.com\n'},
    )
    expect(r.code, r.stderr).toBe(0)
    expect(t.emu.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'POST /v1/waitlist_entries/bulk',
      'POST /v1/waitlist_entries',
      'POST /v1/waitlist_entries',
    ])
    expect(t.emu.store.collection('waitlist_entries').size).toBe(2)
  })
})
