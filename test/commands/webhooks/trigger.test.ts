/**
 * `clerk webhooks trigger`: every event type it knows arrives signed (verified here with the SDK's own
 * verifyWebhook) in Clerk's envelope with a payload of the type's shape; --data sends your own; a non-2xx
 * answer is exit 1; an unknown type or a malformed secret is a usage error and nothing is sent.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {verifyWebhook} from '@clerk/backend/webhooks'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {EVENT_TYPES} from '../../../src/lib/webhooks/samples.js'
import {triggerEvent} from '../../../src/lib/webhooks/trigger.js'
import {runCli} from '../../helpers/cli.js'
import {newSecret, type Receiver, startReceiver} from '../../helpers/webhooks.js'

const secret = newSecret()
const env = {CLERK_WEBHOOK_SIGNING_SECRET: secret}
let receiver: Receiver
let failing: Receiver
beforeAll(async () => {
  receiver = await startReceiver()
  failing = await startReceiver(() => 500)
})
afterAll(async () => {
  await receiver.close()
  await failing.close()
})

const verify = (i: number) => {
  const r = receiver.received[i]
  return verifyWebhook(new Request(receiver.url, {method: 'POST', headers: r.headers, body: r.body}), {
    signingSecret: secret,
  })
}

const OBJECT_OF: Record<string, string> = {
  user: 'user',
  organization: 'organization',
  organizationMembership: 'organization_membership',
  organizationInvitation: 'organization_invitation',
  organizationDomain: 'organization_domain',
  session: 'session',
  email: 'email',
  sms: 'sms_message',
  waitlistEntry: 'waitlist_entry',
  role: 'role',
  permission: 'permission',
}

describe('webhooks trigger', () => {
  it('sends every known event type signed, in the envelope, with data of the right object', async () => {
    // a few as spawned commands (the whole path), every type through the same library call (spawning 24
    // processes is too slow for a shared machine)
    const spawned = ['user.created', 'user.deleted', 'session.revoked', 'organizationMembership.created']
    const runs = await Promise.all(
      spawned.map((type) => runCli(['webhooks', 'trigger', type, '--url', receiver.url, '-o', 'json'], {env})),
    )
    for (const r of runs) expect(r.code, r.stderr).toBe(0)
    expect(runs.map((r) => JSON.parse(r.stdout))).toEqual(
      spawned.map((type) => ({
        svix_id: expect.stringMatching(/^msg_/),
        type,
        url: receiver.url,
        status: 200,
        ok: true,
        body: expect.any(String),
      })),
    )
    for (const type of EVENT_TYPES) {
      const r = await triggerEvent({type, url: receiver.url, secret})
      expect(r.status).toBe(200)
    }
    expect(receiver.received).toHaveLength(spawned.length + EVENT_TYPES.length)
    const seen = new Set<string>()
    for (let i = 0; i < receiver.received.length; i++) {
      const event = await verify(i)
      seen.add(event.type)
      expect(event).toMatchObject({object: 'event', instance_id: expect.stringMatching(/^ins_/)})
      expect(event.event_attributes.http_request).toEqual({
        client_ip: expect.any(String),
        user_agent: expect.any(String),
      })
      const data = event.data as {object: string; id: string; deleted?: boolean}
      expect(data.object).toBe(OBJECT_OF[event.type.split('.')[0]])
      expect(data.id).toMatch(/^[a-z]+_[0-9A-Za-z]{27}$/)
      if (event.type.endsWith('.deleted') && !event.type.startsWith('organizationMembership'))
        expect(data.deleted).toBe(true)
      if (event.type.startsWith('session.'))
        expect((data as unknown as {user: {object: string}}).user.object).toBe('user')
    }
    expect([...seen].sort()).toEqual([...EVENT_TYPES].sort())
  })

  it('--data sends your own data; prints the status and body; a non-2xx answer is exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clerk-trigger-'))
    const file = join(dir, 'data.json')
    writeFileSync(file, JSON.stringify({object: 'user', id: 'user_mine', first_name: 'Mine'}))
    const before = receiver.received.length
    const r = await runCli(['webhooks', 'trigger', 'user.updated', '--url', receiver.url, '--data', file], {env})
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({n: before})
    expect(r.stderr).toMatch(/user\.updated msg_\S+ -> .*: HTTP 200/)
    expect((await verify(before)).data).toEqual({object: 'user', id: 'user_mine', first_name: 'Mine'})

    const bad = await runCli(['webhooks', 'trigger', 'user.created', '--url', failing.url], {env})
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/HTTP 500/)
    expect(failing.received).toHaveLength(1)
  })

  it('an unknown type, a malformed secret or no secret: exit 2 and nothing sent', async () => {
    const before = receiver.received.length
    const unknown = await runCli(['webhooks', 'trigger', 'user.exploded', '--url', receiver.url], {env})
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/no sample payload for "user.exploded"/)
    const malformed = await runCli(['webhooks', 'trigger', 'user.created', '--url', receiver.url, '--secret', 'abc'])
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toMatch(/wrong secret format/)
    const none = await runCli(['webhooks', 'trigger', 'user.created', '--url', receiver.url])
    expect(none.code).toBe(2)
    expect(receiver.received).toHaveLength(before)
  })
})
