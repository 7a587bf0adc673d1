import {createClerkClient, type ClerkClient} from '@clerk/backend'
import {beforeAll, describe, expect, test} from 'vitest'
import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
let clerk: ClerkClient
beforeAll(async () => {
  clerk = createClerkClient({
    secretKey: t.emu.secretKey,
    apiUrl: t.emu.url,
    publishableKey: t.emu.publishableKey,
    telemetry: {disabled: true},
  })
})

describe('@clerk/backend against the emulator', () => {
  test('createUser, getUser, getUserList {data, totalCount}, updateUser, metadata, deleteUser', async () => {
    const created = await clerk.users.createUser({
      emailAddress: ['sdk@example.com'],
      firstName: 'Sdk',
      lastName: 'User',
      password: 'a-long-password',
      externalId: 'sdk-1',
    })
    expect(created.id).toMatch(/^user_/)
    expect(created.primaryEmailAddress?.emailAddress).toBe('sdk@example.com')
    expect(created.externalId).toBe('sdk-1')
    expect(created.emailAddresses[0].verification?.status).toBe('verified')

    const got = await clerk.users.getUser(created.id)
    expect(got.fullName).toBe('Sdk User')

    t.emu.store.seedUsers(30)
    const page = await clerk.users.getUserList({limit: 10, offset: 5})
    expect(page.totalCount).toBe(31)
    expect(page.data).toHaveLength(10)
    const paths = t.emu.requests
      .slice(-2)
      .map((r) => r.path)
      .sort()
    expect(paths).toEqual(['/v1/users', '/v1/users/count'])

    const updated = await clerk.users.updateUser(created.id, {firstName: 'Renamed'})
    expect(updated.firstName).toBe('Renamed')
    const merged = await clerk.users.updateUserMetadata(created.id, {publicMetadata: {role: 'admin'}})
    expect(merged.publicMetadata).toEqual({role: 'admin'})
    // deprecated metadata-through-updateUser goes to PUT /users/{id}/metadata
    const replaced = await clerk.users.updateUser(created.id, {privateMetadata: {secret: 1}})
    expect(replaced.privateMetadata).toEqual({secret: 1})

    const deleted = await clerk.users.deleteUser(created.id)
    expect(deleted.deleted).toBe(true)
  })

  test('a 404 surfaces as ClerkAPIResponseError with status and errors[0].code', async () => {
    const err = await clerk.users.getUser('user_doesnotexist').catch((e) => e)
    expect(err.name).toBe('ClerkAPIResponseError')
    expect(err.status).toBe(404)
    expect(err.errors[0].code).toBe('resource_not_found')
    expect(err.errors[0].longMessage).toMatch(/^No user was found with id /)
    expect(err.clerkTraceId).toMatch(/^[0-9a-f]{32}$/)
  })

  test('a 422 and a 429 carry their codes and retryAfter', async () => {
    const dup = await clerk.users.createUser({emailAddress: ['not-an-email']}).catch((e) => e)
    expect(dup.status).toBe(422)
    expect(dup.errors[0].code).toBe('form_param_format_invalid')
    t.emu.injectFault({kind: 'status', status: 429, retryAfter: 3})
    const limited = await clerk.users.getUser('user_x').catch((e) => e)
    expect(limited.status).toBe(429)
    expect(limited.retryAfter).toBe(3)
    expect(limited.errors[0].code).toBe('too_many_requests')
  })

  test('wrong secret key -> 401 clerk_key_invalid', async () => {
    const other = createClerkClient({secretKey: 'sk_test_wrong', apiUrl: t.emu.url, telemetry: {disabled: true}})
    const err = await other.users.getCount().catch((e) => e)
    expect(err.status).toBe(401)
    expect(err.errors[0].code).toBe('clerk_key_invalid')
  })

  test('JWKS via the SDK', async () => {
    const jwks = await clerk.jwks.getJwks()
    expect(jwks.keys?.[0]).toMatchObject({kid: t.emu.signingKey.kid, kty: 'RSA', alg: 'RS256', use: 'sig'})
  })
})
