/**
 * The Node versions we claim are the ones CI runs: `engines` (>=20.17, the project's floor) admits every line
 * .ci/run tests (20 for the whole suite, 22 and 24 for the smoke tests), the README names them all, and every
 * smoke test file .ci/run names exists.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'

it('engines, README and .ci/run agree on the Node lines, and the smoke files exist', () => {
  const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8')
  const majors = /for major in ([\d ]+); do/.exec(ci)?.[1].trim().split(/\s+/)
  expect(majors).toEqual(['22', '24'])
  expect(ci).toMatch(/npm install --prefix .* "node-linux-\$arch@\$major"/)
  const smoke = /SMOKE=\(([^)]*)\)/.exec(ci)?.[1].trim().split(/\s+/) ?? []
  expect(smoke.length).toBeGreaterThanOrEqual(4)
  for (const f of smoke) expect(existsSync(join(ROOT, f)), f).toBe(true)
  const engines = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node as string
  expect(engines).toBe('>=20.17')
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  expect(readme).toContain(`\`engines\` says\n\`${engines}\``)
  expect(readme).toContain(`on the newest ${majors!.join(' and ')}`)
  // this process is one of them
  expect(['20', ...majors!]).toContain(process.versions.node.split('.')[0])
})
