import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const d = mkdtempSync(join(tmpdir(), 'invitations-file-'))
const readReport = (p: string) =>
  readFileSync(p, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
const posts = (path: string, status?: number) =>
  t.emu.requests.filter((r) => r.method === 'POST' && r.path === path && (status === undefined || r.status === status))
    .length

beforeAll(async () => {
  await t.emu.request('POST', '/v1/users', {email_address: ['user@app.test'], skip_password_requirement: true})
  await t.emu.request('POST', '/v1/invitations', {email_address: 'pending@app.test'})
})

describe('clerk invitations create --file / revoke --file', () => {
  it('25 rows: bulk requests of 10, existing users / pending / repeats skipped, a bad row fails alone', async () => {
    const rows = [
      'email,public_metadata',
      ...Array.from({length: 21}, (_, i) => `p${i}@app.test,`),
      'user@app.test,',
      'pending@app.test,',
      'P0@app.test,',
      'broken,',
      'meta@app.test,"{""beta"":true}"',
    ]
    const file = join(d, 'people.csv')
    writeFileSync(file, rows.join('\n') + '\n')
    const report = join(d, 'report.ndjson')
    const r = await t.run([
      'invitations',
      'create',
      '--file',
      file,
      '--yes',
      '--report',
      report,
      '--no-notify',
      '--expires-in-days',
      '3',
    ])
    expect(r.code, r.stderr).toBe(5)
    expect(r.stderr).toMatch(/requests:\s+3 \(batches of 10\)/)
    expect(r.stderr).toMatch(/invitations\/bulk 25\/1h/)
    const by = (status: string) => readReport(report).filter((l) => l.status === status)
    expect(by('ok')).toHaveLength(22)
    expect(
      by('skipped')
        .map((l) => l.message.replace(/ \(.*| of row.*/, ''))
        .sort(),
    ).toEqual(['already a user', 'already invited', 'duplicate'])
    expect(by('failed')).toMatchObject([{code: 'invalid_row', key: ''}])
    expect(posts('/v1/invitations/bulk', 200)).toBe(3)
    const meta = t.emu.store
      .collection('invitations')
      .values()
      .find((i) => i.email_address === 'meta@app.test')!
    expect(meta.public_metadata).toEqual({beta: true})
    expect(meta.expires_at - meta.created_at).toBe(3 * 86_400_000)
  })

  it('revoke --file of ids (one per line): already revoked ones are skipped', async () => {
    const ids = t.emu.store
      .collection('invitations')
      .values()
      .slice(0, 5)
      .map((i) => i.id)
    await t.emu.request('POST', `/v1/invitations/${ids[0]}/revoke`)
    const file = join(d, 'ids.txt')
    writeFileSync(file, ids.join('\n') + '\nnot-an-id\n')
    const report = join(d, 'revoke.ndjson')
    const r = await t.run(['invitations', 'revoke', '--file', file, '--yes', '--skip-invalid', '--report', report])
    expect(r.code, r.stderr).toBe(5)
    const lines = readReport(report)
    expect(lines.filter((l) => l.status === 'ok')).toHaveLength(4)
    expect(lines.filter((l) => l.status === 'skipped')).toMatchObject([{key: ids[0]}])
    expect(lines.filter((l) => l.status === 'failed')).toMatchObject([{code: 'invalid_row'}])
    expect(
      t.emu.store
        .collection('invitations')
        .values()
        .filter((i) => i.status === 'revoked'),
    ).toHaveLength(5)
  })
})
