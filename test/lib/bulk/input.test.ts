import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'

import {openInput, parseMap, readRecords} from '../../../src/lib/bulk/input.js'

const dir = mkdtempSync(join(tmpdir(), 'bulk-input-'))
const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}
const all = async (path: string, map?: string[]) => {
  const src = await openInput(path)
  const rows = []
  for await (const r of readRecords(src, {map: parseMap(map)})) rows.push(r)
  return {src, rows}
}

describe('bulk input', () => {
  it('parses CSV with a BOM, CRLF, quoted commas, quotes and newlines', async () => {
    const p = file(
      'a.csv',
      '\uFEFFemail,Full Name,note\r\n"a@x.io","Doe, Jane","said ""hi""\r\nthen left"\r\nb@x.io,Bob,\r\n\r\n',
    )
    const {src, rows} = await all(p)
    expect(src.format).toBe('csv')
    expect(src.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(rows).toEqual([
      {row: 1, record: {email: 'a@x.io', 'Full Name': 'Doe, Jane', note: 'said "hi"\r\nthen left'}},
      {row: 2, record: {email: 'b@x.io', 'Full Name': 'Bob', note: ''}},
    ])
  })

  it('--map renames columns', async () => {
    const p = file('b.csv', 'Email Address,x\na@x.io,1\n')
    const {rows} = await all(p, ['email=Email Address'])
    expect(rows[0].record).toEqual({email: 'a@x.io', x: '1'})
    expect(() => parseMap(['nope'])).toThrow(/--map/)
  })

  it('reads JSONL; a line that is not an object is a row error, not a crash', async () => {
    const p = file('c.jsonl', '{"email":"a@x.io","public_metadata":{"a":1}}\n\nnot json\n[1]\n')
    const {src, rows} = await all(p)
    expect(src.format).toBe('jsonl')
    expect(rows[0]).toEqual({row: 1, record: {email: 'a@x.io', public_metadata: {a: 1}}})
    expect(rows[1].error).toMatch(/not JSON/)
    expect(rows[2].error).toMatch(/object/)
  })

  it('reads plain lines (ids) and skips comments and blanks', async () => {
    const p = file('ids.txt', 'user_1\r\n# comment\n\nuser_2\n')
    const {src, rows} = await all(p)
    expect(src.format).toBe('lines')
    expect(rows.map((r) => r.record)).toEqual([{id: 'user_1'}, {id: 'user_2'}])
  })

  it('spools stdin, sniffs the format and hashes it', async () => {
    const src = await openInput('-', {stdin: Readable.from(['{"a":1}\n{"a":2}\n'])})
    expect(src.stdin).toBe(true)
    expect(src.format).toBe('jsonl')
    const rows = []
    for await (const r of readRecords(src)) rows.push(r.record)
    expect(rows).toEqual([{a: 1}, {a: 2}])
  })

  it('a missing file is a usage error', async () => {
    await expect(openInput(join(dir, 'nope.csv'))).rejects.toMatchObject({exitCode: 2})
  })
})
