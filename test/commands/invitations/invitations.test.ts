import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const posts = (path: string) => t.emu.requests.filter((r) => r.method === 'POST' && r.path === path).length

beforeAll(async () => {
  await t.emu.request('POST', '/v1/users', {email_address: ['member@app.test'], skip_password_requirement: true})
})

describe('clerk invitations', () => {
  it('create one (single endpoint) with options', async () => {
    const r = await t.run([
      'invitations',
      'create',
      '--email',
      'ada@app.test',
      '--expires-in-days',
      '7',
      '--no-notify',
      '--public-metadata',
      '{"beta":true}',
      '-o',
      'json',
    ])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)[0]).toMatchObject({email: 'ada@app.test', status: 'ok'})
    expect(posts('/v1/invitations')).toBe(1)
    const [inv] = (await t.emu.request('GET', '/v1/invitations?query=ada')).body
    expect(inv.public_metadata).toEqual({beta: true})
    expect(inv.expires_at - inv.created_at).toBe(7 * 86_400_000)
  })

  it('create several: bulk; existing users and pending invitees skipped unless --ignore-existing', async () => {
    const r = await t.run([
      'invitations',
      'create',
      '-e',
      'b@app.test',
      '-e',
      'c@app.test',
      '-e',
      'member@app.test',
      '-e',
      'ada@app.test',
      '-e',
      'bad@',
      '-o',
      'json',
    ])
    expect(r.code).toBe(5)
    const status = Object.fromEntries(
      JSON.parse(r.stdout).map((x: {email: string; status: string; message?: string}) => [
        x.email,
        `${x.status} ${x.message ?? ''}`.trim(),
      ]),
    )
    expect(status).toEqual({
      'b@app.test': 'ok',
      'c@app.test': 'ok',
      'member@app.test': 'skipped already a user',
      'ada@app.test': 'skipped already invited (pending invitation)',
      'bad@': 'failed "bad@" is not a valid email address',
    })
    expect(posts('/v1/invitations/bulk')).toBe(1)
    const again = await t.run(['invitations', 'create', '-e', 'ada@app.test', '--ignore-existing', '-o', 'json'])
    expect(again.code, again.stderr).toBe(0)
    expect(JSON.parse(again.stdout)[0].status).toBe('ok')
  })

  it('list and revoke', async () => {
    const list = JSON.parse(
      (await t.run(['invitations', 'list', '--status', 'pending', '--order-by', 'email_address', '-o', 'json'])).stdout,
    )
    expect(list.map((i: {email_address: string}) => i.email_address)).toEqual([
      'ada@app.test',
      'ada@app.test',
      'b@app.test',
      'c@app.test',
    ])
    const r = await t.run(['invitations', 'revoke', list[2].id, list[3].id, '--yes'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/revoked 2 invitations/)
    const all = await t.run(['invitations', 'list', '--all', '-o', 'csv', '--columns', 'email,status'])
    expect(all.stdout.trim().split(/\r?\n/)).toHaveLength(3) // header + 2 (revoked ones are left out)
    expect((await t.run(['invitations', 'revoke'])).code).toBe(2)
  })
})
