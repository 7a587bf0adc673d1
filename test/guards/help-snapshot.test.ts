/**
 * Every command's --help (and the root's), as a person sees it piped (80 columns), compared with the
 * committed test/guards/help-snapshot.txt: a change in wording or layout shows in review as a change to
 * that file. Regenerate it with `UPDATE_HELP=1 npx vitest run test/guards/help-snapshot.test.ts` after
 * `npm run build`, and commit it with the change.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {ROOT, runCli} from '../helpers/cli.js'

const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8')) as {
  commands: Record<string, {hidden?: boolean}>
}
const ids = Object.keys(manifest.commands)
  .filter((id) => !manifest.commands[id].hidden)
  .sort()

/** the version line names the platform and Node version: the same text on every machine instead */
const stable = (text: string) =>
  text.replace(/clerk-admin\/\S+ \S+ node-v\S+/g, 'clerk-admin/<version> <platform> node-<version>')

describe('help snapshot', () => {
  it('every command --help matches the committed snapshot', async () => {
    const pages = new Map<string, string>()
    const queue = ['', ...ids]
    await Promise.all(
      Array.from({length: 4}, async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          const argv = id ? [...id.split(':'), '--help'] : ['--help']
          const r = await runCli(argv, {env: {COLUMNS: '80'}})
          expect(r.code, `clerk ${argv.join(' ')}: ${r.stderr}`).toBe(0)
          expect(r.stderr).toBe('')
          pages.set(id, stable(r.stdout))
        }
      }),
    )
    const text = ['', ...ids]
      .map(
        (id) =>
          `=== clerk ${id.replaceAll(':', ' ')} --help`.replace('clerk  --help', 'clerk --help') + `\n${pages.get(id)}`,
      )
      .join('\n')
    const file = join(ROOT, 'test', 'guards', 'help-snapshot.txt')
    if (process.env.UPDATE_HELP) writeFileSync(file, text)
    expect(text).toBe(readFileSync(file, 'utf8'))
  }, 300_000)

  it('help reads the same everywhere: usage without the global flags, global flags last, no "1 rows"', () => {
    const text = readFileSync(join(ROOT, 'test', 'guards', 'help-snapshot.txt'), 'utf8')
    for (const page of text.split(/^=== /m).filter(Boolean)) {
      const usage = /USAGE\n([\s\S]*?)\n\n/.exec(page)?.[1] ?? ''
      expect(usage, page.split('\n')[0]).not.toMatch(/--api-url|--secret-key|--limiter-redis/)
      const sections = [...page.matchAll(/^([A-Z][A-Z ]+)$/gm)].map((m) => m[1])
      if (sections.includes('GLOBAL FLAGS')) {
        const flagSections = sections.filter((s) => s.endsWith('FLAGS'))
        expect(flagSections.at(-1), page.split('\n')[0]).toBe('GLOBAL FLAGS')
      }
      expect(page).not.toMatch(/\b1 rows\b/)
    }
  })
})
