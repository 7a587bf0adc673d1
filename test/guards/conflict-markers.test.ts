/** No merge-conflict markers in any tracked text file (a README once shipped with one). */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'

const TEXT = /\.(ts|js|mjs|cjs|json|md|ya?ml|txt|csv|sh)$|^\.ci\/run$/

describe('conflict markers', () => {
  it('no tracked file has a line starting with <<<<<<< or >>>>>>>', () => {
    const files = execFileSync('git', ['ls-files'], {cwd: ROOT, encoding: 'utf8'})
      .split('\n')
      .filter((f) => TEXT.test(f) && !f.startsWith('spec/'))
    expect(files.length).toBeGreaterThan(100)
    const marked = files.filter((f) => /^(<{7}|>{7})( |$)/m.test(readFileSync(join(ROOT, f), 'utf8')))
    expect(marked).toEqual([])
  })
})
