/**
 * The production bundle (scripts/build.js) as built, read from esbuild's metafile (dist/meta.json):
 * - every command under src/commands and every module package.json's oclif config names is built where
 *   oclif looks for it (dist/<path>.js), and the manifest lists every command;
 * - starting a command loads only what it imports statically: none of the heavy packages (they stay behind
 *   a dynamic import(), each in a chunk of its own), and the raw-request code only for `clerk api`.
 *   (A few commands import a sibling command's class to share its flags: that one file is loaded too.)
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'

interface Meta {
  inputs: Record<string, unknown>
  outputs: Record<
    string,
    {
      entryPoint?: string
      imports: Array<{path: string; kind: string; external?: boolean}>
      inputs: Record<string, unknown>
    }
  >
}

const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'meta.json'), 'utf8')) as Meta
const pjson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8'))

/** Loaded lazily only: a static import of one of these from a command's start-up is a regression. */
const HEAVY = [
  '@clerk/backend',
  '@clerk/shared',
  '@inquirer/',
  'ioredis',
  'csv-parse',
  'jq-wasm',
  '@modelcontextprotocol/sdk',
  'yaml',
  'zod',
  'bcryptjs',
  'cli-table3',
  'src/lib/bulk/runner.ts',
]
/** `clerk api` and `clerk api ls` are the raw-request path itself */
const RAW_API = 'src/lib/raw-api/'

const commandFiles = readdirSync(join(ROOT, 'src', 'commands'), {recursive: true})
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `src/commands/${f.replaceAll('\\', '/')}`)

/** The outputs a module loads before it runs: its static imports, transitively (dynamic ones excluded). */
function staticClosure(output: string, seen = new Set<string>()): Set<string> {
  if (seen.has(output)) return seen
  seen.add(output)
  for (const imp of meta.outputs[output].imports)
    if (imp.kind === 'import-statement' && !imp.external) staticClosure(imp.path, seen)
  return seen
}

const byEntry = new Map(
  Object.entries(meta.outputs)
    .filter(([, o]) => o.entryPoint)
    .map(([file, o]) => [o.entryPoint!, file]),
)

describe('production bundle', () => {
  it('builds every command, and the help class and hooks package.json names, where oclif looks', () => {
    const named = [pjson.oclif.helpClass, ...Object.values(pjson.oclif.hooks ?? {}).flat()].map((h) =>
      typeof h === 'string' ? h : (h as {target: string}).target,
    )
    for (const p of named) expect(existsSync(join(ROOT, p)), p).toBe(true)
    const missing = commandFiles.filter((f) => byEntry.get(f) !== f.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js'))
    expect(missing).toEqual([])
    expect(Object.keys(manifest.commands).length).toBe(commandFiles.length)
  })

  it('a command loads none of the heavy packages before it runs', () => {
    const bad: string[] = []
    for (const f of commandFiles) {
      const own = byEntry.get(f)!
      const inputs = [...staticClosure(own)].flatMap((o) => Object.keys(meta.outputs[o].inputs))
      for (const input of inputs) {
        if (HEAVY.some((h) => input.includes(h))) bad.push(`${f} loads ${input}`)
        if (input.startsWith(RAW_API) && !/^src\/commands\/api(\.ts|\/)/.test(f)) bad.push(`${f} loads ${input}`)
      }
      for (const o of staticClosure(own))
        for (const imp of meta.outputs[o].imports)
          if (imp.external && imp.kind === 'import-statement' && HEAVY.some((h) => imp.path.startsWith(h)))
            bad.push(`${f} imports ${imp.path}`)
    }
    expect(bad).toEqual([])
  })
})
