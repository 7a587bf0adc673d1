import {beforeAll, describe, expect, test} from 'vitest'
import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const ids: string[] = []
const T0 = Date.parse('2024-01-01T00:00:00Z')

beforeAll(async () => {
  const people = [
    ['Zoe', 'Adams', 'zoe@alpha.io', 'zadams', 'ext-1', '+15550000001'],
    ['Yann', 'Brown', 'yann@beta.io', 'ybrown', 'ext-2', null],
    ['Xena', 'Clark', 'xena@alpha.io', 'xclark', null, '+15550000003'],
    ['Walt', 'Davis', 'walt@gamma.io', 'wdavis', 'ext-4', null],
    ['Vera', 'Evans', 'vera@beta.io', null, null, null],
  ] as const
  for (const [i, [first, last, email, username, ext, phone]] of people.entries()) {
    const res = await t.emu.request('POST', '/v1/users', {
      first_name: first,
      last_name: last,
      email_address: [email],
      ...(username ? {username} : {}),
      ...(ext ? {external_id: ext} : {}),
      ...(phone ? {phone_number: [phone]} : {}),
      created_at: new Date(T0 + i * 60_000).toISOString(),
    })
    expect(res.status).toBe(200)
    ids.push(res.body.id)
  }
})

const list = async (qs: string) => {
  const res = await t.emu.request('GET', `/v1/users${qs}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(Array.isArray(res.body)).toBe(true)
  return res.body.map((u: {first_name: string}) => u.first_name)
}
const count = async (qs: string) => (await t.emu.request('GET', `/v1/users/count${qs}`)).body

describe('GET /v1/users', () => {
  test('bare array, newest first by default, limit default 10', async () => {
    expect(await list('')).toEqual(['Vera', 'Walt', 'Xena', 'Yann', 'Zoe'])
  })

  test('ordering', async () => {
    expect(await list('?order_by=created_at')).toEqual(['Zoe', 'Yann', 'Xena', 'Walt', 'Vera'])
    expect(await list('?order_by=%2Bcreated_at')).toEqual(['Zoe', 'Yann', 'Xena', 'Walt', 'Vera'])
    expect(await list('?order_by=first_name')).toEqual(['Vera', 'Walt', 'Xena', 'Yann', 'Zoe'])
    expect(await list('?order_by=-last_name')).toEqual(['Vera', 'Walt', 'Xena', 'Yann', 'Zoe'])
    expect(await list('?order_by=email_address')).toEqual(['Vera', 'Walt', 'Xena', 'Yann', 'Zoe'])
    expect(await list('?order_by=username')).toEqual(['Walt', 'Xena', 'Yann', 'Zoe', 'Vera']) // nulls last ascending
    expect(await list('?order_by=-username')).toEqual(['Vera', 'Zoe', 'Yann', 'Xena', 'Walt']) // nulls first descending
    expect(await list('?order_by=-created_at&order_by=first_name')).toEqual(['Vera', 'Walt', 'Xena', 'Yann', 'Zoe']) // first wins
    const bad = await t.emu.request('GET', '/v1/users?order_by=shoe_size')
    expect(bad.status).toBe(422)
  })

  test('limit and offset; limit above 500 is a 422', async () => {
    expect(await list('?limit=2')).toEqual(['Vera', 'Walt'])
    expect(await list('?limit=2&offset=2')).toEqual(['Xena', 'Yann'])
    expect(await list('?limit=2&offset=4')).toEqual(['Zoe'])
    expect(await list('?offset=10')).toEqual([])
    expect(await list('?limit=500')).toHaveLength(5)
    for (const qs of ['?limit=501', '?limit=0', '?offset=-1', '?limit=abc']) {
      const res = await t.emu.request('GET', `/v1/users${qs}`)
      expect(res.status, qs).toBe(422)
      expect(res.body.errors[0].meta.param_name).toMatch(/limit|offset/)
    }
  })

  test('starting_after cursor', async () => {
    expect(await list(`?limit=2&starting_after=${ids[3]}`)).toEqual(['Xena', 'Yann'])
    expect(await list(`?order_by=created_at&limit=2&starting_after=${ids[3]}`)).toEqual(['Vera'])
    expect((await t.emu.request('GET', `/v1/users?order_by=first_name&starting_after=${ids[3]}`)).status).toBe(422)
    expect((await t.emu.request('GET', `/v1/users?offset=1&starting_after=${ids[3]}`)).status).toBe(422)
  })

  test('array filters arrive as repeated keys', async () => {
    expect(await list('?email_address=zoe@alpha.io&email_address=WALT@gamma.io')).toEqual(['Walt', 'Zoe'])
    expect(await list(`?user_id=${ids[0]}&user_id=${ids[1]}`)).toEqual(['Yann', 'Zoe'])
    expect(await list(`?user_id=-${ids[0]}`)).toEqual(['Vera', 'Walt', 'Xena', 'Yann'])
    expect(await list('?external_id=ext-1&external_id=%2Bext-4')).toEqual(['Walt', 'Zoe'])
    expect(await list('?username=xclark')).toEqual(['Xena'])
    expect(await list('?phone_number=%2B15550000003')).toEqual(['Xena'])
    expect(await list('?email_address=zoe@alpha.io&username=ybrown')).toEqual([]) // filters AND together
  })

  test('query and *_query substring filters', async () => {
    expect(await list('?query=alpha')).toEqual(['Xena', 'Zoe'])
    expect(await list('?query=BROWN')).toEqual(['Yann'])
    expect(await list('?query=ext-4')).toEqual(['Walt'])
    expect(await list(`?query=${ids[2].slice(5, 20)}`)).toEqual(['Xena'])
    expect(await list('?query=0000001')).toEqual(['Zoe'])
    expect(await list('?email_address_query=BETA')).toEqual(['Vera', 'Yann'])
    expect(await list('?username_query=dav')).toEqual(['Walt'])
    expect(await list('?name_query=vera%20ev')).toEqual(['Vera'])
    expect(await list('?phone_number_query=555')).toEqual(['Xena', 'Zoe'])
  })

  test('date range and banned filters', async () => {
    expect(await list(`?created_at_after=${T0 + 60_000}`)).toEqual(['Vera', 'Walt', 'Xena'])
    expect(await list(`?created_at_before=${T0 + 60_000}`)).toEqual(['Zoe'])
    expect(await list('?banned=true')).toEqual([])
    expect(await list('?banned=false')).toHaveLength(5)
  })
})

describe('GET /v1/users/count', () => {
  test('total_count with the same filters', async () => {
    expect(await count('')).toEqual({object: 'total_count', total_count: 5})
    expect(await count('?query=alpha')).toEqual({object: 'total_count', total_count: 2})
    expect(await count('?email_address=zoe@alpha.io&email_address=vera@beta.io')).toEqual({
      object: 'total_count',
      total_count: 2,
    })
    expect(await count('?limit=1')).toEqual({object: 'total_count', total_count: 5}) // paging params do not apply
  })
})
