/**
 * At a terminal: prompts answered through a real pseudo-terminal (python3's pty module driving bin/run.js,
 * stdin and stderr a TTY, stdout a pipe). Confirmation names the user and the instance; with an sk_live_ key
 * the person types the user id.
 */
import {describe, expect, it} from 'vitest'

import {type Harness, useEmulator} from '../../helpers/harness.js'
import {runPty} from '../../helpers/pty.js'

const dev = useEmulator({rateLimit: 'off'})
const live = useEmulator({rateLimit: 'off', secretKey: `sk_live_${'L'.repeat(40)}`})
const make = async (t: Harness, email: string) => (await t.createUser(email)).id as string
const writes = (t: Harness, from: number) =>
  t.emu.requests
    .slice(from)
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path}`)

describe('confirmation at a terminal (development key)', () => {
  it('delete asks, naming the user and the instance; "y" deletes', async () => {
    const id = await make(dev, 'pty-del@example.com')
    const host = new URL(dev.emu.url).host
    const r = await runPty(['users', 'delete', id, '-o', 'json'], {env: dev.env(), steps: [[/\(y\/N\)/, 'y\r']]})
    expect(r.code, r.tty).toBe(0)
    expect(r.tty).toContain(`delete user ${id} <pty-del@example.com> on the development instance ${host}?`)
    expect(JSON.parse(r.stdout)).toEqual({object: 'user', id, deleted: true})
    expect(r.stdout).not.toContain('delete user') // the prompt went to the terminal (stderr), not stdout
    expect(dev.emu.store.users.get(id)).toBeUndefined()
  })

  it('Enter (default No) cancels: exit 1, nothing sent', async () => {
    const id = await make(dev, 'pty-keep@example.com')
    const from = dev.emu.requests.length
    const r = await runPty(['users', 'ban', '--email', 'pty-keep@example.com'], {
      env: dev.env(),
      steps: [[/\(y\/N\)/, '\r']],
    })
    expect(r.code).toBe(1)
    expect(r.tty).toMatch(/cancelled, nothing was changed/)
    expect(writes(dev, from)).toEqual([])
    expect(dev.emu.store.users.get(id)?.banned).toBe(false)
  })

  it('Ctrl-C at the prompt: exit 130, nothing sent', async () => {
    const id = await make(dev, 'pty-ctrlc@example.com')
    const from = dev.emu.requests.length
    const r = await runPty(['users', 'lock', id], {env: dev.env(), steps: [[/\(y\/N\)/, '\u0003']]})
    expect(r.code).toBe(130)
    expect(writes(dev, from)).toEqual([])
  })

  it('revoke-sessions says how many; sessions revoke names the session and its user', async () => {
    const id = await make(dev, 'pty-sess@example.com')
    const s1 = (await dev.emu.request('POST', '/v1/sessions', {user_id: id})).body.id
    await dev.emu.request('POST', '/v1/sessions', {user_id: id})
    const one = await runPty(['sessions', 'revoke', s1, '-o', 'json'], {
      env: dev.env(),
      steps: [[/\(y\/N\)/, 'y\r']],
    })
    expect(one.code, one.tty).toBe(0)
    expect(one.tty).toContain(`revoke session ${s1} (active) of user ${id}`)
    expect(JSON.parse(one.stdout).status).toBe('revoked')
    const all = await runPty(['users', 'revoke-sessions', id, '-o', 'json'], {
      env: dev.env(),
      steps: [[/\(y\/N\)/, 'y\r']],
    })
    expect(all.code, all.tty).toBe(0)
    expect(all.tty).toContain(`revoke 1 active session(s) of user ${id} <pty-sess@example.com>`)
    expect(JSON.parse(all.stdout)).toHaveLength(1)
  })

  it('--no-input at a terminal: no prompt, exit 2 naming --yes', async () => {
    const id = await make(dev, 'pty-noinput@example.com')
    const r = await runPty(['users', 'delete', id, '--no-input'], {env: dev.env()})
    expect(r.code).toBe(2)
    expect(r.tty).toMatch(/Hint: add --yes/)
    expect(r.tty).not.toMatch(/\(y\/N\)/)
    expect(dev.emu.store.users.get(id)).toBeDefined()
  })

  it('--yes at a terminal: no prompt', async () => {
    const id = await make(dev, 'pty-yes@example.com')
    const r = await runPty(['users', 'lock', id, '--yes', '-o', 'json'], {env: dev.env()})
    expect(r.code, r.tty).toBe(0)
    expect(r.tty).not.toMatch(/\?/)
    expect(JSON.parse(r.stdout).locked).toBe(true)
  })
})

describe('confirmation with a production (sk_live_) key: type the user id', () => {
  it('typing the id proceeds; the prompt names the production instance and the user', async () => {
    const id = await make(live, 'prod@example.com')
    const r = await runPty(['users', 'ban', id, '-o', 'json'], {
      env: live.env(),
      steps: [[/to confirm:/, `${id}\r`]],
    })
    expect(r.code, r.tty).toBe(0)
    expect(r.tty).toContain(
      `PRODUCTION instance: ban user ${id} <prod@example.com> on ${new URL(live.emu.url).host}. Type ${id} to confirm:`,
    )
    expect(JSON.parse(r.stdout).banned).toBe(true)
  })

  it('anything else cancels (a "y" is not enough)', async () => {
    const id = await make(live, 'prod2@example.com')
    const from = live.emu.requests.length
    const r = await runPty(['users', 'delete', id], {env: live.env(), steps: [[/to confirm:/, 'y\r']]})
    expect(r.code).toBe(1)
    expect(r.tty).toMatch(/cancelled, nothing was changed/)
    expect(writes(live, from)).toEqual([])
  })
})

describe('missing values are asked for at a terminal', () => {
  it('users get without USER_ID: asks; an email address is looked up', async () => {
    await make(dev, 'ask-me@example.com')
    const r = await runPty(['users', 'get', '-o', 'json'], {
      env: dev.env(),
      steps: [[/User id \(user_\.\.\.\) or email address:/, 'ask-me@example.com\r']],
    })
    expect(r.code, r.tty).toBe(0)
    expect(JSON.parse(r.stdout).email_addresses[0].email_address).toBe('ask-me@example.com')
  })

  it('users create without an identifier asks for the email; --password-stdin asks masked', async () => {
    const r = await runPty(['users', 'create', '--first-name', 'Asked', '--password-stdin', '-o', 'json'], {
      env: dev.env(),
      steps: [
        [/Email address:/, 'asked@example.com\r'],
        [/Password:/, 'a-secret-password\r'],
      ],
    })
    expect(r.code, r.tty).toBe(0)
    expect(r.tty).not.toContain('a-secret-password')
    const user = JSON.parse(r.stdout)
    expect(user).toMatchObject({first_name: 'Asked', password_enabled: true})
    expect(user.email_addresses[0].email_address).toBe('asked@example.com')
  })

  it('users metadata without a value asks for the public metadata JSON and shows the diff', async () => {
    const id = await make(dev, 'ask-meta@example.com')
    const r = await runPty(['users', 'metadata', id], {
      env: dev.env(),
      steps: [[/Public metadata/, '{"plan":"pro"}\r']],
    })
    expect(r.code, r.tty).toBe(0)
    expect(r.stdout).toBe('+ public_metadata.plan: "pro"\n')
    expect(dev.emu.store.users.get(id)?.public_metadata).toEqual({plan: 'pro'})
  })
})
