import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {emulatorEnv, runCli} from '../../helpers/cli.js'
import {startTestEmulator, type TestEmulator} from '../../helpers/emulator.js'

let emu: TestEmulator
let env: Record<string, string>
const d = mkdtempSync(join(tmpdir(), 'invitations-file-'))
const readReport = (p: string) =>
  readFileSync(p, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
const posts = (path: string, status?: number) =>
  emu.requests.filter((r) => r.method === 'POST' && r.path === path && (status === undefined || r.status === status))
    .length

beforeAll(async () => {
  emu = await startTestEmulator({rateLimit: 'off'})
  env = emulatorEnv(emu)
  await emu.request('POST', '/v1/users', {email_address: ['user@app.test'], skip_password_requirement: true})
  await emu.request('POST', '/v1/invitations', {email_address: 'pending@app.test'})
})
afterAll(async () => {
  emu.assertResponsesMatchSpec()
  await emu.stop()
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
    const r = await runCli(
      ['invitations', 'create', '--file', file, '--yes', '--report', report, '--no-notify', '--expires-in-days', '3'],
      {env},
    )
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
    const meta = emu.store
      .collection('invitations')
      .values()
      .find((i) => i.email_address === 'meta@app.test')!
    expect(meta.public_metadata).toEqual({beta: true})
    expect(meta.expires_at - meta.created_at).toBe(3 * 86_400_000)
  })

  it('revoke --file of ids (one per line): already revoked ones are skipped', async () => {
    const ids = emu.store
      .collection('invitations')
      .values()
      .slice(0, 5)
      .map((i) => i.id)
    await emu.request('POST', `/v1/invitations/${ids[0]}/revoke`)
    const file = join(d, 'ids.txt')
    writeFileSync(file, ids.join('\n') + '\nnot-an-id\n')
    const report = join(d, 'revoke.ndjson')
    const r = await runCli(['invitations', 'revoke', '--file', file, '--yes', '--skip-invalid', '--report', report], {
      env,
    })
    expect(r.code, r.stderr).toBe(5)
    const lines = readReport(report)
    expect(lines.filter((l) => l.status === 'ok')).toHaveLength(4)
    expect(lines.filter((l) => l.status === 'skipped')).toMatchObject([{key: ids[0]}])
    expect(lines.filter((l) => l.status === 'failed')).toMatchObject([{code: 'invalid_row'}])
    expect(
      emu.store
        .collection('invitations')
        .values()
        .filter((i) => i.status === 'revoked'),
    ).toHaveLength(5)
  })
})
