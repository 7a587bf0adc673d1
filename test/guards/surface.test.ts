/**
 * The command surface, from the manifest the build writes: every command id with its args, flags and short
 * chars, compared with test/guards/command-surface.json. A change to the surface (a new command, a renamed
 * flag) must show in review as a change to that file: regenerate it with `UPDATE_SURFACE=1 npx vitest run
 * test/guards/surface.test.ts` and commit it with the change.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'

interface ManifestFlag {
  name: string
  char?: string
  type: string
  required?: boolean
  multiple?: boolean
  options?: string[]
  aliases?: string[]
  hidden?: boolean
}

function surface(): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8'))
  const out: Record<string, unknown> = {}
  for (const id of Object.keys(manifest.commands).sort()) {
    const c = manifest.commands[id]
    const args = Object.values(c.args ?? {}).map((a) => {
      const arg = a as {name: string; required?: boolean}
      return arg.required ? arg.name : `[${arg.name}]`
    })
    const flags: Record<string, string> = {}
    for (const name of Object.keys(c.flags ?? {}).sort()) {
      const f = c.flags[name] as ManifestFlag
      const parts = [f.type]
      if (f.char) parts.push(`-${f.char}`)
      if (f.required) parts.push('required')
      if (f.multiple) parts.push('multiple')
      if (f.hidden) parts.push('hidden')
      if (f.options?.length) parts.push(`(${f.options.join('|')})`)
      if (f.aliases?.length) parts.push(`aliases ${f.aliases.join(',')}`)
      flags[name] = parts.join(' ')
    }
    out[id] = {args, flags}
  }
  return out
}

describe('command surface', () => {
  it('matches the committed snapshot (ids, args, flags, short chars)', () => {
    const file = join(ROOT, 'test', 'guards', 'command-surface.json')
    const now = surface()
    if (process.env.UPDATE_SURFACE) writeFileSync(file, `${JSON.stringify(now, null, 2)}\n`)
    expect(now).toEqual(JSON.parse(readFileSync(file, 'utf8')))
  })
})
