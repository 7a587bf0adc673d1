/** Emulator: ban/unban/lock/unlock (one and bulk), /v1/sessions (list, paging, filters, get, revoke, create), checked against the spec. */
import {createClerkClient} from '@clerk/backend'
import {beforeAll, describe, expect, test} from 'vitest'

import {useEmulator, withEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

const newUser = async (email: string) => await t.createUser({email_address: [email]})
const newSession = async (userId: string) => (await t.emu.request('POST', '/v1/sessions', {user_id: userId})).body

describe('POST /v1/users/{id}/ban|unban|lock|unlock', () => {
  test('ban sets banned and revokes the active sessions; unban clears it', async () => {
    const u = await newUser('ban@example.com')
    const s1 = await newSession(u.id)
    const s2 = await newSession(u.id)
    await t.emu.request('POST', `/v1/sessions/${s2.id}/revoke`)
    const banned = await t.emu.request('POST', `/v1/users/${u.id}/ban`)
    expect(banned.status).toBe(200)
    expect(banned.headers.get('content-type')).toBe('application/json')
    expect(banned.body).toMatchObject({id: u.id, object: 'user', banned: true})
    expect((await t.emu.request('GET', `/v1/sessions/${s1.id}`)).body.status).toBe('revoked')
    const unbanned = await t.emu.request('POST', `/v1/users/${u.id}/unban`)
    expect(unbanned.body.banned).toBe(false)
    expect(unbanned.body.updated_at).toBeGreaterThanOrEqual(banned.body.updated_at)
  })

  test('lock sets locked with a lockout; unlock clears both', async () => {
    const u = await newUser('lock@example.com')
    const locked = await t.emu.request('POST', `/v1/users/${u.id}/lock`)
    expect(locked.body).toMatchObject({
      locked: true,
      lockout_expires_in_seconds: 3600,
      verification_attempts_remaining: 0,
    })
    const unlocked = await t.emu.request('POST', `/v1/users/${u.id}/unlock`)
    expect(unlocked.body).toMatchObject({
      locked: false,
      lockout_expires_in_seconds: null,
      verification_attempts_remaining: 100,
    })
  })

  test.each(['ban', 'unban', 'lock', 'unlock'])('%s of a missing user is 404 resource_not_found', async (action) => {
    const res = await t.emu.request('POST', `/v1/users/user_missing/${action}`)
    expect(res.status).toBe(404)
    expect(res.body.errors[0].code).toBe('resource_not_found')
  })

  test('bulk POST /v1/users/ban and /unban: the users; 422 on an empty or oversized list', async () => {
    const a = await newUser('bulk-a@example.com')
    const b = await newUser('bulk-b@example.com')
    const res = await t.emu.request('POST', '/v1/users/ban', {user_ids: [a.id, b.id]})
    expect(res.status).toBe(200)
    expect(res.body.map((u: {banned: boolean}) => u.banned)).toEqual([true, true])
    expect((await t.emu.request('POST', '/v1/users/unban', {user_ids: [a.id]})).body[0].banned).toBe(false)
    expect((await t.emu.request('POST', '/v1/users/ban', {user_ids: []})).status).toBe(422)
    expect(
      (await t.emu.request('POST', '/v1/users/ban', {user_ids: Array.from({length: 51}, (_, i) => `user_${i}`)}))
        .status,
    ).toBe(422)
    expect((await t.emu.request('POST', '/v1/users/ban', {user_ids: ['user_missing']})).status).toBe(404)
  })

  test('deleting a user removes their active sessions', async () => {
    const u = await newUser('gone@example.com')
    const s = await newSession(u.id)
    await t.emu.request('DELETE', `/v1/users/${u.id}`)
    expect((await t.emu.request('GET', `/v1/sessions/${s.id}`)).body.status).toBe('removed')
  })
})

describe('/v1/sessions', () => {
  let user: {id: string}
  const ids: string[] = []
  beforeAll(async () => {
    user = await newUser('sessions@example.com')
    for (let i = 0; i < 7; i++) ids.push((await newSession(user.id)).id)
    await t.emu.request('POST', `/v1/sessions/${ids[0]}/revoke`)
  })

  test('create: an active session of the user; unknown user 404, missing user_id 422', async () => {
    const s = await newSession(user.id)
    expect(s).toMatchObject({object: 'session', user_id: user.id, status: 'active'})
    expect(s.id).toMatch(/^sess_/)
    expect(s.client_id).toMatch(/^client_/)
    expect(s.expire_at).toBeGreaterThan(s.created_at)
    await t.emu.request('POST', `/v1/sessions/${s.id}/revoke`)
    expect((await t.emu.request('POST', '/v1/sessions', {user_id: 'user_missing'})).status).toBe(404)
    expect((await t.emu.request('POST', '/v1/sessions', {})).status).toBe(422)
  })

  test('list: newest first, limit/offset, filters by user, client and status', async () => {
    const all = (await t.emu.request('GET', `/v1/sessions?user_id=${user.id}&limit=100`)).body
    expect(all.map((s: {id: string}) => s.id).slice(1)).toEqual([...ids].reverse())
    const page = (await t.emu.request('GET', `/v1/sessions?user_id=${user.id}&limit=2&offset=1`)).body
    expect(page.map((s: {id: string}) => s.id)).toEqual([ids[6], ids[5]])
    const revoked = (await t.emu.request('GET', `/v1/sessions?user_id=${user.id}&status=revoked`)).body
    expect(revoked.map((s: {id: string}) => s.id).sort()).toEqual([all[0].id, ids[0]].sort())
    const byClient = (await t.emu.request('GET', `/v1/sessions?client_id=${all[3].client_id}`)).body
    expect(byClient).toEqual([all[3]])
    expect((await t.emu.request('GET', '/v1/sessions?user_id=user_nobody')).body).toEqual([])
  })

  test('paginated=true answers {data, total_count} (the Paginated parameter)', async () => {
    const res = await t.emu.request('GET', `/v1/sessions?user_id=${user.id}&paginated=true&limit=3&status=active`)
    expect(res.body.total_count).toBe(6)
    expect(res.body.data).toHaveLength(3)
  })

  test('bad status, limit, offset: 422', async () => {
    for (const q of ['status=sleeping', 'limit=0', 'limit=501', 'offset=-1', 'limit=abc']) {
      const res = await t.emu.request('GET', `/v1/sessions?user_id=${user.id}&${q}`)
      expect(res.status, q).toBe(422)
    }
  })

  test('get and revoke; revoking twice keeps it revoked; missing is 404', async () => {
    const got = await t.emu.request('GET', `/v1/sessions/${ids[3]}`)
    expect(got.body).toMatchObject({id: ids[3], status: 'active'})
    const revoked = await t.emu.request('POST', `/v1/sessions/${ids[3]}/revoke`)
    expect(revoked.body.status).toBe('revoked')
    expect((await t.emu.request('POST', `/v1/sessions/${ids[3]}/revoke`)).body.status).toBe('revoked')
    expect((await t.emu.request('GET', '/v1/sessions/sess_missing')).status).toBe(404)
    expect((await t.emu.request('POST', '/v1/sessions/sess_missing/revoke')).status).toBe(404)
  })

  test('@clerk/backend: getSessionList (paginated), getSession, revokeSession, banUser, lockUser', async () => {
    const clerk = createClerkClient({secretKey: t.emu.secretKey, apiUrl: t.emu.url, telemetry: {disabled: true}})
    const list = await clerk.sessions.getSessionList({userId: user.id, status: 'active', limit: 2})
    expect(list.totalCount).toBeGreaterThan(2)
    expect(list.data).toHaveLength(2)
    const s = await clerk.sessions.getSession(list.data[0].id)
    expect(s.userId).toBe(user.id)
    expect((await clerk.sessions.revokeSession(s.id)).status).toBe('revoked')
    expect((await clerk.users.banUser(user.id)).banned).toBe(true)
    expect((await clerk.users.lockUser(user.id)).locked).toBe(true)
    expect((await clerk.users.unlockUser(user.id)).locked).toBe(false)
  })
})

describe('per-user update limit (10 / 10 s) covers the metadata routes', () => {
  test('the 11th metadata change of one user in 10 s is a 429 with Retry-After', async () => {
    await withEmulator({}, async (limited) => {
      const u = (await limited.emu.request('POST', '/v1/users', {email_address: ['meta-limit@example.com']})).body
      const statuses: number[] = []
      for (let i = 0; i < 11; i++)
        statuses.push((await limited.emu.request('PATCH', `/v1/users/${u.id}/metadata`, {public_metadata: {i}})).status)
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200))
      const last = await limited.emu.request('PUT', `/v1/users/${u.id}/metadata`, {public_metadata: {}})
      expect(last.status).toBe(429)
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    })
  })
})
