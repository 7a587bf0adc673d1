/** src/lib/api.ts and the shipped operation index: field typing, paths, suggestions, the index in sync with the spec. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {buildApiIndex} from '../../src/lib/raw-api/operations.js'
import {
  buildFields,
  buildQuery,
  checkOperation,
  loadOperations,
  normalizePath,
  prepareApiRequest,
  suggestPaths,
} from '../../src/lib/raw-api/request.js'
import {ROOT} from '../helpers/cli.js'

const files: Record<string, string> = {'meta.txt': 'hello'}
const read = (name: string) => files[name] ?? ''

describe('fields', () => {
  it('-f is always a string; -F types true/false/null/numbers and reads @file', () => {
    expect(
      buildFields(
        ['a=1', 'b=true', 'c='],
        ['n=42', 'x=-1.5', 't=true', 'f=false', 'z=null', 's=hi', 'p=+1555', 'file=@meta.txt', 'zero=007'],
        read,
      ),
    ).toEqual({
      a: '1',
      b: 'true',
      c: '',
      n: 42,
      x: -1.5,
      t: true,
      f: false,
      z: null,
      s: 'hi',
      p: '+1555',
      file: 'hello',
      zero: '007',
    })
  })

  it('nests key[sub] and appends key[]; bad names are usage errors', () => {
    expect(buildFields([], ['m[a][b]=1', 'm[c]=x', 'l[]=1', 'l[]=2', 'o[][k]=v'], read)).toEqual({
      m: {a: {b: 1}, c: 'x'},
      l: [1, 2],
      o: [{k: 'v'}],
    })
    expect(() => buildFields(['novalue'], [], read)).toThrow(/invalid field "novalue"/)
    expect(() => buildFields(['a]=1'], [], read)).toThrow(/invalid field name/)
  })

  it('query: -q pairs, the inline query and GET fields; repeated keys become lists', () => {
    expect(
      buildQuery(['email_address=a@x.io', 'email_address=b@x.io'], new URLSearchParams('limit=5'), {offset: 10}),
    ).toEqual({
      limit: '5',
      email_address: ['a@x.io', 'b@x.io'],
      offset: '10',
    })
  })
})

describe('paths and the spec', () => {
  it('normalizes /v1, full URLs, missing slashes and trailing ones', () => {
    expect(normalizePath('users')).toMatchObject({path: '/users'})
    expect(normalizePath('/v1/users/').path).toBe('/users')
    expect(normalizePath('https://api.clerk.com/v1/users?limit=2').query.get('limit')).toBe('2')
  })

  it('matches templates (literal segments first), and suggests the closest paths for unknown ones', () => {
    expect(checkOperation('GET', '/users/count').path).toBe('/users/count')
    expect(checkOperation('GET', '/users/user_123').path).toBe('/users/{user_id}')
    expect(suggestPaths(loadOperations(), '/user/user_123/metadata')[0]).toBe('/users/{user_id}/metadata')
    expect(suggestPaths(loadOperations(), '/waitlist')[0]).toBe('/waitlist_entries')
  })

  it('prepares a request: GET, or POST when there are fields (as gh); fields go to the query for GET', () => {
    const base = {rawFields: [], fields: [], query: [], paginate: false, skipCheck: false}
    expect(prepareApiRequest({...base, words: ['GET', '/users'], rawFields: ['query=al']})).toMatchObject({
      method: 'GET',
      query: {query: 'al'},
      body: undefined,
    })
    expect(prepareApiRequest({...base, words: ['/users'], method: 'get', rawFields: ['query=al']})).toMatchObject({
      method: 'GET',
      query: {query: 'al'},
    })
    expect(prepareApiRequest({...base, words: ['/redirect_urls'], rawFields: ['url=x://y']})).toMatchObject({
      method: 'POST',
      body: {url: 'x://y'},
    })
    expect(prepareApiRequest({...base, words: ['patch', '/users/u1'], fields: ['banned=true']})).toMatchObject({
      method: 'PATCH',
      body: {banned: true},
    })
    expect(() => prepareApiRequest({...base, words: ['FETCH', '/users']})).toThrow(/unknown HTTP method/)
    expect(() => prepareApiRequest({...base, words: ['/jwks'], paginate: true})).toThrow(/does not page/)
  })

  it('spec/operations.json is in sync with spec/openapi.yml (regenerate: node scripts/api-index.js)', async () => {
    const fresh = await buildApiIndex(readFileSync(join(ROOT, 'spec', 'openapi.yml'), 'utf8'))
    expect(JSON.parse(readFileSync(join(ROOT, 'spec', 'operations.json'), 'utf8'))).toEqual(fresh)
  })
})
