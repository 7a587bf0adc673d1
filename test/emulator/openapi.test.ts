import {describe, expect, test} from 'vitest'
import {specPathFor, validateResponse} from '../helpers/openapi.js'
import {buildUser, emailObject} from '../../src/emulator/users/model.js'

describe('validateResponse (test/helpers/openapi.ts)', () => {
  test('maps concrete paths to templates, literals first', () => {
    expect(specPathFor('/v1/users/count')).toBe('/users/count')
    expect(specPathFor('/v1/users/user_123')).toBe('/users/{user_id}')
    expect(specPathFor('/v1/users/user_123/metadata?x=1')).toBe('/users/{user_id}/metadata')
    expect(specPathFor('/v1/nope/nope/nope')).toBeUndefined()
  })

  test('accepts a well-formed user and rejects broken ones', () => {
    const now = Date.now()
    const user = buildUser({emails: [emailObject('a@example.com', 'verified', now)]}, now)
    expect(validateResponse('GET', '/v1/users/x', 200, user)).toEqual([])
    expect(validateResponse('GET', '/v1/users', 200, [user, user])).toEqual([])
    const {banned: _, ...missing} = user
    expect(validateResponse('GET', '/v1/users/x', 200, missing).join()).toMatch(/banned/)
    expect(validateResponse('GET', '/v1/users/x', 200, {...user, extra: 1}).join()).toMatch(/additional/)
    expect(validateResponse('GET', '/v1/users/x', 200, {...user, created_at: 'today'}).join()).toMatch(/created_at/)
    expect(validateResponse('GET', '/v1/users/x', 200, {...user, first_name: null})).toEqual([]) // nullable
    expect(validateResponse('GET', '/v1/users', 200, {data: [user]}).length).toBeGreaterThan(0) // list is a bare array
  })

  test('errors: documented statuses, undocumented error statuses fall back to ClerkErrors', () => {
    const err = {errors: [{message: 'm', long_message: 'l', code: 'c'}], clerk_trace_id: 't'}
    expect(validateResponse('GET', '/v1/users/x', 404, err)).toEqual([])
    expect(validateResponse('GET', '/v1/users/count', 429, err)).toEqual([])
    expect(validateResponse('GET', '/v1/users/x', 404, {errors: [{message: 'm'}]}).length).toBeGreaterThan(0)
    expect(validateResponse('GET', '/v1/users/x', 201, {}).join()).toMatch(/not documented/)
    expect(validateResponse('GET', '/v1/users/count', 200, {object: 'total_count', total_count: 3})).toEqual([])
    expect(validateResponse('DELETE', '/v1/users/x', 200, {object: 'user', id: 'x', deleted: true})).toEqual([])
  })
})
