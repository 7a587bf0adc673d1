import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'

import {
  diffJson,
  editMetadata,
  formatDiff,
  type JsonValue,
  mergePatch,
  parseJsonObject,
  planMetadata,
} from '../../src/lib/resources/metadata.js'

describe('mergePatch (RFC 7386)', () => {
  // Every example of RFC 7386, Appendix A.
  test.each<[JsonValue, JsonValue, JsonValue]>([
    [{a: 'b'}, {a: 'c'}, {a: 'c'}],
    [{a: 'b'}, {b: 'c'}, {a: 'b', b: 'c'}],
    [{a: 'b'}, {a: null}, {}],
    [{a: 'b', b: 'c'}, {a: null}, {b: 'c'}],
    [{a: ['b']}, {a: 'c'}, {a: 'c'}],
    [{a: 'c'}, {a: ['b']}, {a: ['b']}],
    [{a: {b: 'c'}}, {a: {b: 'd', c: null}}, {a: {b: 'd'}}],
    [{a: [{b: 'c'}]}, {a: [1]}, {a: [1]}],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{a: 'b'}, ['c'], ['c']],
    [{a: 'foo'}, null, null],
    [{a: 'foo'}, 'bar', 'bar'],
    [{e: null}, {a: 1}, {e: null, a: 1}],
    [[1, 2], {a: 'b', c: null}, {a: 'b'}],
    [{}, {a: {bb: {ccc: null}}}, {a: {bb: {}}}],
  ])('%j + %j = %j', (target, patch, result) => {
    const before = JSON.stringify(target)
    expect(mergePatch(target, patch)).toEqual(result)
    expect(JSON.stringify(target)).toBe(before) // inputs untouched
  })
})

describe('diffJson / formatDiff', () => {
  test('added, removed and changed leaves with dotted paths, sorted', () => {
    const changes = diffJson(
      'public_metadata',
      {plan: 'free', n: {a: 1, keep: true}, tags: [1]},
      {plan: 'pro', n: {b: 2, keep: true}, tags: [1, 2], 'odd key': 0},
    )
    expect(changes).toEqual([
      {field: 'public_metadata', path: 'public_metadata.n.a', change: 'removed', before: 1},
      {field: 'public_metadata', path: 'public_metadata.n.b', change: 'added', after: 2},
      {field: 'public_metadata', path: 'public_metadata["odd key"]', change: 'added', after: 0},
      {field: 'public_metadata', path: 'public_metadata.plan', change: 'changed', before: 'free', after: 'pro'},
      {field: 'public_metadata', path: 'public_metadata.tags', change: 'changed', before: [1], after: [1, 2]},
    ])
    expect(formatDiff(changes).split('\n')).toEqual([
      '- public_metadata.n.a: 1',
      '+ public_metadata.n.b: 2',
      '+ public_metadata["odd key"]: 0',
      '~ public_metadata.plan: "free" -> "pro"',
      '~ public_metadata.tags: [1] -> [1,2]',
    ])
  })

  test('identical values: no changes; an object replacing a scalar is one change', () => {
    expect(diffJson('f', {a: {b: [1, {c: 2}]}}, {a: {b: [1, {c: 2}]}})).toEqual([])
    expect(diffJson('f', {a: 1}, {a: {b: 1}})).toEqual([
      {field: 'f', path: 'f.a', change: 'changed', before: 1, after: {b: 1}},
    ])
  })
})

describe('planMetadata / editMetadata', () => {
  const current = {
    id: 'x',
    public_metadata: {plan: 'free', n: {a: 1}},
    private_metadata: {secret: 1},
    unsafe_metadata: {},
  }

  test('merge: PATCH with only the patch; the diff covers every given field', () => {
    const plan = planMetadata(
      current,
      {public_metadata: {plan: 'pro', n: {a: null}}, unsafe_metadata: {theme: 'dark'}},
      'merge',
    )
    expect(plan.method).toBe('PATCH')
    expect(plan.body).toEqual({public_metadata: {plan: 'pro', n: {a: null}}, unsafe_metadata: {theme: 'dark'}})
    expect(plan.after).toEqual({public_metadata: {plan: 'pro', n: {}}, unsafe_metadata: {theme: 'dark'}})
    expect(plan.changes.map((c) => `${c.change} ${c.path}`)).toEqual([
      'removed public_metadata.n.a',
      'changed public_metadata.plan',
      'added unsafe_metadata.theme',
    ])
  })

  test('replace: PUT; keys not given are removed', () => {
    const plan = planMetadata(current, {private_metadata: {other: 2}}, 'replace')
    expect(plan.method).toBe('PUT')
    expect(plan.changes.map((c) => `${c.change} ${c.path}`)).toEqual([
      'added private_metadata.other',
      'removed private_metadata.secret',
    ])
  })

  test('dry run and no-op plans never send', async () => {
    let sent = 0
    const send = async () => ++sent
    const read = async () => current
    expect(
      (await editMetadata({read, send, input: {public_metadata: {plan: 'pro'}}, mode: 'merge', dryRun: true})).sent,
    ).toBe(false)
    expect((await editMetadata({read, send, input: {public_metadata: {plan: 'free'}}, mode: 'merge'})).sent).toBe(false)
    expect(sent).toBe(0)
    const edit = await editMetadata({read, send, input: {public_metadata: {plan: 'pro'}}, mode: 'merge'})
    expect(edit).toMatchObject({sent: true, result: 1})
  })
})

describe('parseJsonObject', () => {
  test('inline JSON or @file; anything but an object is a usage error naming the flag', () => {
    expect(parseJsonObject('{"a":1}', 'public')).toEqual({a: 1})
    const file = join(mkdtempSync(join(tmpdir(), 'meta-')), 'm.json')
    writeFileSync(file, '{"from":"file"}\n')
    expect(parseJsonObject(`@${file}`, 'public')).toEqual({from: 'file'})
    expect(() => parseJsonObject('{nope', 'private')).toThrow(/--private is not valid JSON/)
    expect(() => parseJsonObject('[1]', 'unsafe')).toThrow(/--unsafe must be a JSON object/)
    expect(() => parseJsonObject('@/does/not/exist.json', 'public')).toThrow(/cannot read/)
    try {
      parseJsonObject('1', 'public')
    } catch (error) {
      expect((error as {exitCode: number}).exitCode).toBe(2)
    }
  })
})
