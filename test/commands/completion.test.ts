/** `clerk completion bash|zsh|fish`: generated from the manifest, checked by the shells themselves. */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {runCli} from '../helpers/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'clerk-completion-'))
const scripts: Record<string, string> = {}
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0

beforeAll(async () => {
  await Promise.all(
    ['bash', 'zsh', 'fish'].map(async (shell) => {
      const r = await runCli(['completion', shell])
      expect(r.code, r.stderr).toBe(0)
      scripts[shell] = join(dir, `clerk.${shell}`)
      writeFileSync(scripts[shell], r.stdout)
    }),
  )
})

describe('clerk completion', () => {
  it('an unknown shell is exit 2', async () => {
    expect((await runCli(['completion', 'tcsh'])).code).toBe(2)
  })

  it('bash: the script parses (bash -n) and completes commands, topics, flags and option values', () => {
    execFileSync('bash', ['-n', scripts.bash])
    const probe = `source ${scripts.bash}
t() { COMP_WORDS=("$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _clerk; echo "\${COMPREPLY[*]}"; }
t clerk ''; t clerk wa; t clerk users ''; t clerk users list --ord; t clerk users list -o ''; t clerk completion ''; t clerk api ''; t clerk config set s`
    const lines = execFileSync('bash', ['-c', probe], {encoding: 'utf8'}).split('\n')
    expect(lines[0].split(' ')).toEqual(
      expect.arrayContaining(['users', 'api', 'config', 'whoami', 'status', 'waitlist', 'completion', 'allowlist']),
    )
    expect(lines[1]).toBe('waitlist')
    expect(lines[2].split(' ')).toEqual(expect.arrayContaining(['get', 'list']))
    expect(lines.slice(3, 8)).toEqual(['--order-by', 'table json ndjson csv', 'bash zsh fish', 'ls', 'secret-key'])
  })

  it.skipIf(!has('zsh'))('zsh: the script parses (zsh -n) and its tables answer', () => {
    execFileSync('zsh', ['-n', scripts.zsh])
    const probe = `compdef() {}; _files() {}
_describe() { print -r -- "\${(j: :)\${(@P)\${@[-1]}}}" }
compadd() { print -r -- "\${(j: :)\${(@P)\${@[-1]}}}" }
source ${scripts.zsh}
t() { words=("$@"); CURRENT=\${#words}; _clerk }
t clerk users ''; t clerk users list -o ''`
    const lines = execFileSync('zsh', ['-c', probe], {encoding: 'utf8'}).split('\n')
    expect(lines[0]).toMatch(/(^| )get:Show one user.* list:List users/)
    expect(lines[1]).toBe('table json ndjson csv')
  })

  it.skipIf(!has('fish'))('fish: the script parses (fish -n) and completes', () => {
    execFileSync('fish', ['-n', scripts.fish])
    const complete = (line: string) =>
      execFileSync('fish', ['-c', `source ${scripts.fish}; complete -C '${line}'`], {encoding: 'utf8'})
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0])
    expect(complete('clerk users ')).toEqual(expect.arrayContaining(['get', 'list']))
    expect(complete('clerk-admin users list --order')).toEqual(['--order-by'])
    expect(complete('clerk users list -o ')).toEqual(['csv', 'json', 'ndjson', 'table'])
  })
})
