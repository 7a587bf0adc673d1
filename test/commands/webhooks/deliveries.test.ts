/**
 * The emulator delivers webhooks, end to end: emulator -> `clerk webhooks listen` (a spawned process that
 * verifies each delivery with the SDK). users create, users update, orgs create, orgs members add and
 * users delete produce exactly the matching events, in order, each verified, with `data` equal to what the
 * API returned. A receiver that fails the first attempts gets the event once it answers 2xx; later events
 * about the same object wait for it; the delivery log shows every attempt.
 */
import {verifyWebhook} from '@clerk/backend/webhooks'
import {describe, expect, it} from 'vitest'

import {runCli, startCli} from '../../helpers/cli.js'
import {withEmulator} from '../../helpers/harness.js'
import {newSecret, postOnce, startListen, startReceiver, type Received} from '../../helpers/webhooks.js'

const sdkVerify = (r: Received, secret: string) =>
  verifyWebhook(new Request('http://app.test/webhooks', {method: 'POST', headers: r.headers, body: r.body}), {
    signingSecret: secret,
  })

describe('emulator webhooks -> webhooks listen', () => {
  it('users create/update, orgs create, orgs members add, users delete: exactly those events, in order, verified', async () => {
    const secret = newSecret()
    const listen = await startListen(['--secret', secret])
    try {
      await withEmulator({rateLimit: 'off', webhooks: [{url: listen.url, secret}]}, async (t) => {
        const returned: [string, unknown][] = []
        const step = async (type: string, args: string[]) => {
          const data = await t.json(args)
          returned.push([type, data])
          await t.emu.webhooks.idle()
          return data
        }
        const user = await step('user.created', [
          'users',
          'create',
          '--email',
          'ada@example.com',
          '--first-name',
          'Ada',
        ])
        await step('user.updated', ['users', 'update', user.id, '--last-name', 'Lovelace'])
        const org = await step('organization.created', ['orgs', 'create', '--name', 'Analytical Engines'])
        await step('organizationMembership.created', ['orgs', 'members', 'add', org.id, user.id, '--role', 'org:admin'])
        await step('user.deleted', ['users', 'delete', user.id, '--yes'])

        // deleting the user takes their membership with it (as at Clerk): one more event, after user.deleted
        const records = await listen.waitFor(returned.length + 1)
        expect(records.map((r) => r.type)).toEqual([
          ...returned.map(([type]) => type),
          'organizationMembership.deleted',
        ])
        expect((records.at(-1)!.event as {data: {organization: {id: string}}}).data.organization.id).toBe(org.id)
        records.slice(0, returned.length).forEach((r, i) => {
          expect(r).toMatchObject({valid: true, status: 200})
          expect((r.event as {data: unknown}).data).toEqual(returned[i][1])
          expect(r.event).toMatchObject({object: 'event', instance_id: expect.stringMatching(/^ins_/)})
        })
        const log = t.emu.webhooks.deliveries
        expect(log.map((d) => [d.event_type, d.status, d.attempts.length])).toEqual([
          ...returned.map(([type]) => [type, 'succeeded', 1]),
          ['organizationMembership.deleted', 'succeeded', 1],
        ])
        expect(new Set(log.map((d) => d.id)).size).toBe(log.length)
      })
    } finally {
      await listen.stop()
    }
  })

  it('retries a failing receiver on the schedule until it answers 2xx; later events for the object wait', async () => {
    const secret = newSecret()
    const receiver = await startReceiver((n) => (n < 2 ? 500 : 200))
    try {
      await withEmulator(
        {rateLimit: 'off', webhooks: [{url: receiver.url, secret}], webhookRetryDelaysMs: [20, 40, 80]},
        async (t) => {
          const user = await t.json(['users', 'create', '--email', 'grace@example.com'])
          const updated = await t.json(['users', 'update', user.id, '--first-name', 'Grace'])
          await t.emu.webhooks.idle()
          const got = receiver.received
          expect(got).toHaveLength(4)
          const ids = got.map((r) => r.headers['svix-id'])
          expect(ids[0]).toBe(ids[1])
          expect(ids[1]).toBe(ids[2])
          expect(ids[3]).not.toBe(ids[0])
          const events = await Promise.all(got.map((r) => sdkVerify(r, secret)))
          expect(events.map((e) => e.type)).toEqual(['user.created', 'user.created', 'user.created', 'user.updated'])
          expect(events[2].data).toEqual(user)
          expect(events[3].data).toEqual(updated)

          const log = (await t.emu.request('GET', '/__emulator/webhooks/deliveries')).body
          expect(log).toHaveLength(2)
          expect(log[0]).toMatchObject({
            id: ids[0],
            event_type: 'user.created',
            object_id: user.id,
            status: 'succeeded',
            next_attempt_at: null,
          })
          expect(log[0].attempts.map((a: {status: number}) => a.status)).toEqual([500, 500, 200])
          expect(log[1].attempts.map((a: {status: number}) => a.status)).toEqual([200])
          const endpoints = (await t.emu.request('GET', '/__emulator/webhooks')).body
          expect(JSON.stringify(endpoints)).not.toContain(secret)
        },
      )
    } finally {
      await receiver.close()
    }
  })

  it('gives up after the last retry and says so in the log; filters pick event types per endpoint', async () => {
    const down = await startReceiver(() => 503)
    const orgsOnly = await startReceiver()
    try {
      await withEmulator(
        {
          rateLimit: 'off',
          webhooks: [{url: down.url}, {url: orgsOnly.url, events: ['organization.*']}],
          webhookRetryDelaysMs: [10, 10],
        },
        async (t) => {
          await t.ok(['users', 'create', '--email', 'x@example.com'])
          await t.ok(['orgs', 'create', '--name', 'Filtered'])
          await t.emu.webhooks.idle()
          const failed = t.emu.webhooks.deliveries.filter((d) => d.endpoint_id === 'ep_1')
          expect(failed.map((d) => [d.event_type, d.status, d.attempts.length, d.next_attempt_at])).toEqual([
            ['user.created', 'failed', 3, null],
            ['organization.created', 'failed', 3, null],
          ])
          expect(orgsOnly.received.map((r) => JSON.parse(r.body).type)).toEqual(['organization.created'])
          const [a, b] = t.emu.webhooks.endpoints
          expect(a.secret).not.toBe(b.secret)
          expect(a.secret).toMatch(/^whsec_/)
        },
      )
    } finally {
      await down.close()
      await orgsOnly.close()
    }
  })

  it('listen --forward-to passes verified deliveries on unchanged and answers with the handler (so it is retried)', async () => {
    const secret = newSecret()
    const handler = await startReceiver((n) => (n === 0 ? 503 : 200))
    const listen = await startListen(['--secret', secret, '--forward-to', handler.url])
    try {
      await withEmulator(
        {rateLimit: 'off', webhooks: [{url: listen.url, secret}], webhookRetryDelaysMs: [20]},
        async (t) => {
          const user = await t.json(['users', 'create', '--email', 'fwd@example.com'])
          await t.emu.webhooks.idle()
          expect(handler.received).toHaveLength(2)
          const event = await sdkVerify(handler.received[1], secret)
          expect(event.data).toEqual(user)
          expect(t.emu.webhooks.deliveries[0].attempts.map((a) => a.status)).toEqual([503, 200])
          expect(
            (await listen.waitFor(2)).map((r) => [r.valid, r.status, (r.forwarded as {status: number}).status]),
          ).toEqual([
            [true, 503, 503],
            [true, 200, 200],
          ])
        },
      )
      const bad = await postOnce(
        listen.url,
        {'svix-id': 'msg_x', 'svix-timestamp': String(Math.floor(Date.now() / 1000)), 'svix-signature': 'v1,AAAA'},
        '{"type":"user.created"}',
      )
      expect(bad.status).toBe(400)
      expect(bad.body?.error).toMatch(/bad signature/)
      expect(handler.received).toHaveLength(2)
      expect((await listen.waitFor(3)).at(-1)).toMatchObject({valid: false, status: 400})
    } finally {
      await listen.stop()
      await handler.close()
    }
  })

  it('`clerk emulator start --webhook URL#types --webhook-secret` prints the secret and delivers', async () => {
    const secret = newSecret()
    const receiver = await startReceiver()
    const emu = startCli([
      'emulator',
      'start',
      '--webhook',
      `${receiver.url}#user.created`,
      '--webhook-secret',
      secret,
      '--webhook-retry-schedule',
      '10ms',
    ])
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const out = emu.output().stdout
          if (out.includes('CLERK_WEBHOOK_SIGNING_SECRET')) {
            clearInterval(timer)
            resolve(out.split('\n')[0])
          }
        }, 20)
        emu.done.then(() => reject(new Error(emu.output().stderr)), reject)
      })
      expect(emu.output().stdout).toContain(`export CLERK_WEBHOOK_SIGNING_SECRET=${secret}`)
      const key = /CLERK_SECRET_KEY=(\S+)/.exec(emu.output().stdout)![1]
      const env = {CLERK_API_URL: url, CLERK_SECRET_KEY: key}
      await runCli(['orgs', 'create', '--name', 'Not delivered'], {env})
      const created = await runCli(['users', 'create', '--email', 'cli@example.com', '-o', 'json'], {env})
      expect(created.code, created.stderr).toBe(0)
      const deadline = Date.now() + 20_000
      while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(receiver.received).toHaveLength(1)
      expect((await sdkVerify(receiver.received[0], secret)).data).toEqual(JSON.parse(created.stdout))
      const portal = await runCli(['webhooks', 'portal'], {env})
      expect(portal.code, portal.stderr).toBe(0)
      expect(portal.stdout.trim()).toBe(`${url}/__emulator/webhooks/deliveries`)
    } finally {
      emu.child.kill('SIGTERM')
      await emu.done
      await receiver.close()
    }
    const bad = await runCli(['emulator', 'start', '--webhook', 'http://x.test/', '--webhook-secret', 'nope'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/whsec_/)
  })
})
