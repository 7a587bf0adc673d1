/**
 * `clerk webhooks verify`: accepts what the emulator delivers and a delivery signed independently here;
 * rejects a tampered body, a re-serialised body, an old timestamp, a wrong secret, a missing header and a
 * malformed secret, each with its one-line reason and exit 3.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {runCli} from '../../helpers/cli.js'
import {withEmulator} from '../../helpers/harness.js'
import {type Received, newSecret, signIndependently, startReceiver} from '../../helpers/webhooks.js'

const dir = mkdtempSync(join(tmpdir(), 'clerk-webhooks-'))
const secret = newSecret()
let n = 0
const file = (text: string) => {
  const p = join(dir, `f${n++}`)
  writeFileSync(p, text)
  return p
}
const now = () => Math.floor(Date.now() / 1000)
const headerFlags = (h: Record<string, string>) => Object.entries(h).flatMap(([k, v]) => ['-H', `${k}: ${v}`])
const verify = (body: string, headers: Record<string, string>, extra: string[] = [], s = secret) =>
  runCli(['webhooks', 'verify', '--body', file(body), ...headerFlags(headers), ...extra], {
    env: {CLERK_WEBHOOK_SIGNING_SECRET: s},
  })

const body = JSON.stringify({
  data: {id: 'user_29w83sxmDNGwOuEthce5gg56FcC', object: 'user', first_name: 'Ada'},
  event_attributes: {http_request: {client_ip: '192.0.2.1', user_agent: 'test'}},
  instance_id: 'ins_123',
  object: 'event',
  timestamp: Date.now(),
  type: 'user.created',
})

describe('webhooks verify', () => {
  let fromEmulator: Received
  beforeAll(async () => {
    const receiver = await startReceiver()
    try {
      await withEmulator({rateLimit: 'off', webhooks: [{url: receiver.url, secret}]}, async (t) => {
        await t.ok(['users', 'create', '--email', 'ada@example.com', '--first-name', 'Ada'])
        await t.emu.webhooks.idle()
      })
    } finally {
      await receiver.close()
    }
    expect(receiver.received).toHaveLength(1)
    fromEmulator = receiver.received[0]
  })

  it("accepts the emulator's delivery and prints the event", async () => {
    const h = fromEmulator.headers
    const pick = {'svix-id': h['svix-id'], 'svix-timestamp': h['svix-timestamp'], 'svix-signature': h['svix-signature']}
    const r = await verify(fromEmulator.body, pick, ['-o', 'json'])
    expect(r.code, r.stderr).toBe(0)
    const event = JSON.parse(r.stdout)
    expect(event).toMatchObject({type: 'user.created', object: 'event', data: {first_name: 'Ada'}})
    const table = await verify(fromEmulator.body, pick)
    expect(table.code).toBe(0)
    expect(table.stdout).toContain('user.created')
    expect(table.stdout).toContain(h['svix-id'])
    expect(table.stdout).toContain(event.data.id)
  })

  it('accepts a delivery signed independently, from flags, a raw HTTP request or a JSON file', async () => {
    const h = signIndependently(secret, 'msg_independent', now(), body)
    const r = await verify(body, h)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('user_29w83sxmDNGwOuEthce5gg56FcC')
    const raw = `POST /api/webhooks HTTP/1.1\r\nHost: example.com\r\n${Object.entries(h)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n')}\r\nContent-Type: application/json\r\n\r\n${body}`
    const env = {CLERK_WEBHOOK_SIGNING_SECRET: undefined}
    const fromRaw = await runCli(['webhooks', 'verify', '--request', file(raw), '--secret', secret], {env})
    expect(fromRaw.code, fromRaw.stderr).toBe(0)
    const json = file(JSON.stringify({headers: h, body}))
    const fromJson = await runCli(['webhooks', 'verify', '--request', json, '--secret', secret, '-o', 'json'], {env})
    expect(fromJson.code, fromJson.stderr).toBe(0)
    expect(JSON.parse(fromJson.stdout).type).toBe('user.created')
    const fromStdin = await runCli(['webhooks', 'verify', '--body', '-', ...headerFlags(h), '--secret', secret], {
      env,
      input: body,
    })
    expect(fromStdin.code, fromStdin.stderr).toBe(0)
  })

  const rejections: [string, () => Promise<Awaited<ReturnType<typeof verify>>>, RegExp, RegExp?][] = [
    [
      'a tampered body',
      () => verify(body.replace('Ada', 'Eve'), signIndependently(secret, 'msg_1', now(), body)),
      /bad signature/,
    ],
    [
      'a re-serialised body (the hint says raw bytes)',
      () => verify(JSON.stringify(JSON.parse(body), null, 2), signIndependently(secret, 'msg_1', now(), body)),
      /bad signature/,
      /raw bytes as received/,
    ],
    [
      'an old timestamp',
      () => verify(body, signIndependently(secret, 'msg_1', now() - 600, body)),
      /timestamp outside tolerance: the delivery is \d+s old, tolerance 300s/,
    ],
    [
      'a timestamp older than --tolerance',
      () => verify(body, signIndependently(secret, 'msg_1', now() - 120, body), ['--tolerance', '60']),
      /timestamp outside tolerance: the delivery is \d+s old, tolerance 60s/,
    ],
    [
      'a wrong secret',
      () => verify(body, signIndependently(newSecret(), 'msg_1', now(), body)),
      /bad signature/,
      /signing secret/,
    ],
    [
      'a missing header',
      () => {
        const {'svix-signature': _drop, ...h} = signIndependently(secret, 'msg_1', now(), body)
        void _drop
        return verify(body, h)
      },
      /missing header svix-signature/,
    ],
    [
      'a secret of the wrong format',
      () => verify(body, signIndependently(secret, 'msg_1', now(), body), [], 'sk_test_notawebhooksecret'),
      /wrong secret format/,
    ],
  ]
  it.each(rejections)('rejects %s with its reason and exit 3', async (_name, run, reason, hint) => {
    const r = await run()
    expect(r.code, r.stderr).toBe(3)
    expect(r.stdout).toBe('')
    const [first, second] = r.stderr.trim().split('\n')
    expect(first).toMatch(/^Error: webhook verification failed: /)
    expect(first).toMatch(reason)
    if (hint) expect(second).toMatch(hint)
    if (!hint && reason.source !== 'bad signature') expect(r.stderr).not.toMatch(/raw bytes/)
  })

  it('--tolerance accepts an old delivery within it; the signature is still checked', async () => {
    const h = signIndependently(secret, 'msg_1', now() - 7200, body)
    const ok = await verify(body, h, ['--tolerance', '86400'])
    expect(ok.code, ok.stderr).toBe(0)
    const tampered = await verify(body.replace('Ada', 'Eve'), h, ['--tolerance', '86400'])
    expect(tampered.code).toBe(3)
    expect(tampered.stderr).toMatch(/bad signature/)
  })

  it('no secret, or nothing to verify, is a usage error (exit 2)', async () => {
    const h = signIndependently(secret, 'msg_1', now(), body)
    const noSecret = await runCli(['webhooks', 'verify', '--body', file(body), ...headerFlags(h)])
    expect(noSecret.code).toBe(2)
    expect(noSecret.stderr).toMatch(/no webhook signing secret/)
    const nothing = await runCli(['webhooks', 'verify', '--secret', secret])
    expect(nothing.code).toBe(2)
    expect(noSecret.stderr + nothing.stderr).not.toContain(secret)
  })
})

afterAll(() => undefined)
