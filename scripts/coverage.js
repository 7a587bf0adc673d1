#!/usr/bin/env node
// How many of the spec's operations have a first-class command: every `METHOD /v1/path` a command's
// description names (oclif.manifest.json), matched to spec/operations.json (a `{param}` matches any
// parameter segment). `clerk api` itself is not counted: it reaches everything.
//
//   node scripts/coverage.js            the figure, e.g. "112 of 249"
//   node scripts/coverage.js --json     {covered, total, operations: [...covered], missing: [...]}
//   node scripts/coverage.js --write    put the figure into README.md (between the coverage markers)
import {readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const METHODS = 'GET|POST|PUT|PATCH|DELETE'
// "PATCH /v1/x", "GET then PATCH /v1/x", "POST/DELETE /v1/x", "`POST`/`DELETE /v1/x`"
const MENTION = new RegExp(
  `((?:${METHODS})(?:\\s*(?:then|or|and|,|/)\\s*(?:${METHODS}))*)\\s+((?:/v1)?/[\\w{}/|.-]+)`,
  'g',
)

export function coverage() {
  const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8'))
  const ops = JSON.parse(readFileSync(join(root, 'spec', 'operations.json'), 'utf8'))
  const segs = (p) =>
    p
      .replace(/^\/v1(?=\/)/, '')
      .replace(/\/$/, '')
      .split('/')
      .slice(1)
  const isParam = (s) => /^\{.+\}$/.test(s)
  const covered = new Set()
  for (const [id, cmd] of Object.entries(manifest.commands)) {
    if (id === 'api' || id.startsWith('api:')) continue
    const text = `${cmd.summary ?? ''} ${cmd.description ?? ''}`
    for (const m of text.matchAll(MENTION)) {
      const methods = m[1].match(new RegExp(METHODS, 'g'))
      // `/users/ban|unban`: one path per alternative of the last segment
      const raw = m[2].replace(/[.,)]+$/, '')
      const parts = segs(raw)
      const last = parts.pop() ?? ''
      for (const alt of last.split('|')) {
        const want = [...parts, alt]
        for (const [method, path] of ops) {
          if (!methods.includes(method)) continue
          const have = segs(path)
          if (have.length === want.length && have.every((s, i) => s === want[i] || (isParam(s) && isParam(want[i]))))
            covered.add(`${method} ${path}`)
        }
      }
    }
  }
  const all = ops.map(([method, path]) => `${method} ${path}`)
  return {
    covered: covered.size,
    total: all.length,
    operations: [...covered].sort(),
    missing: all.filter((o) => !covered.has(o)),
  }
}

export const figure = (c) => `${c.covered} of ${c.total}`
const START = '<!-- coverage -->'
const END = '<!-- /coverage -->'

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const c = coverage()
  if (process.argv.includes('--json')) console.log(JSON.stringify(c, null, 2))
  else if (process.argv.includes('--write')) {
    const file = join(root, 'README.md')
    const text = readFileSync(file, 'utf8')
    const at = text.indexOf(START)
    const end = text.indexOf(END)
    if (at < 0 || end < at) throw new Error(`README.md has no ${START}...${END} markers`)
    writeFileSync(file, text.slice(0, at + START.length) + figure(c) + text.slice(end))
    console.log(`README.md: ${figure(c)} operations have a first-class command`)
  } else console.log(figure(c))
}
