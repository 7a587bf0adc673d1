/**
 * The import rules of the house, read from the sources (static and dynamic imports alike):
 * - @oclif/core only in src/commands and the oclif layer (src/lib/oclif);
 * - src/lib never imports src/commands or src/emulator;
 * - src/emulator imports nothing outside itself but node built-ins and packages;
 * - src/lib/http imports nothing from output, resources or the oclif layer;
 * - the bulk runner (src/lib/bulk) never imports resources;
 * - no import cycles anywhere in src.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'

const SRC = join(ROOT, 'src')

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else if (name.endsWith('.ts')) out.push(p)
  }
  return out
}

interface Import {
  spec: string
  /** the source file it names, for relative imports */
  file?: string
  dynamic: boolean
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
  const out: Import[] = []
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm)) {
    const spec = m[2]
    const dynamic = m[0].includes('(')
    out.push({
      spec,
      dynamic,
      file: spec.startsWith('.') ? resolve(dirname(file), spec).replace(/\.js$/, '.ts') : undefined,
    })
  }
  return out
}

const files = walk(SRC)
const graph = new Map(files.map((f) => [f, importsOf(f)]))
const rel = (f: string) => relative(SRC, f)
const inside = (f: string, dir: string) => rel(f).startsWith(`${dir}/`)

function violations(rule: (file: string, imp: Import) => boolean): string[] {
  const bad: string[] = []
  for (const [file, imps] of graph)
    for (const imp of imps) if (rule(file, imp)) bad.push(`${rel(file)} imports ${imp.file ? rel(imp.file) : imp.spec}`)
  return bad
}

describe('import rules', () => {
  it('every relative import names a file that exists', () => {
    expect(violations((_f, imp) => imp.file !== undefined && !graph.has(imp.file))).toEqual([])
  })

  it('@oclif/core only in src/commands and src/lib/oclif', () => {
    expect(
      violations((f, imp) => imp.spec.startsWith('@oclif/core') && !inside(f, 'commands') && !inside(f, 'lib/oclif')),
    ).toEqual([])
  })

  it('src/lib never imports src/commands or src/emulator', () => {
    expect(
      violations(
        (f, imp) =>
          inside(f, 'lib') && imp.file !== undefined && (inside(imp.file, 'commands') || inside(imp.file, 'emulator')),
      ),
    ).toEqual([])
  })

  it('src/emulator imports nothing outside itself but node built-ins and packages', () => {
    expect(
      violations((f, imp) => inside(f, 'emulator') && imp.file !== undefined && !inside(imp.file, 'emulator')),
    ).toEqual([])
  })

  it('src/lib/http imports nothing from output, resources or the oclif layer', () => {
    const banned = ['lib/output', 'lib/resources', 'lib/oclif']
    expect(
      violations(
        (f, imp) => inside(f, 'lib/http') && imp.file !== undefined && banned.some((d) => inside(imp.file!, d)),
      ),
    ).toEqual([])
  })

  it('the bulk runner never imports resources', () => {
    expect(
      violations((f, imp) => inside(f, 'lib/bulk') && imp.file !== undefined && inside(imp.file, 'lib/resources')),
    ).toEqual([])
  })

  it('no import cycles in src (static or dynamic)', () => {
    const cycles: string[] = []
    const state = new Map<string, 'visiting' | 'done'>()
    const stack: string[] = []
    const visit = (f: string) => {
      state.set(f, 'visiting')
      stack.push(f)
      for (const imp of graph.get(f) ?? []) {
        if (!imp.file || !graph.has(imp.file)) continue
        const s = state.get(imp.file)
        if (s === 'visiting') cycles.push([...stack.slice(stack.indexOf(imp.file)), imp.file].map(rel).join(' -> '))
        else if (s === undefined) visit(imp.file)
      }
      stack.pop()
      state.set(f, 'done')
    }
    for (const f of files) if (!state.has(f)) visit(f)
    expect(cycles).toEqual([])
  })
})
