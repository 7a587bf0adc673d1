/** The README's coverage figure is the one scripts/coverage.js computes from the manifest and the operations index. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'

describe('README coverage figure', () => {
  it('matches scripts/coverage.js (regenerate with `node scripts/coverage.js --write` after npm run build)', async () => {
    // @ts-expect-error a plain JS script without types
    const {coverage, figure} = await import('../../scripts/coverage.js')
    const c = coverage()
    expect(c.total).toBe(JSON.parse(readFileSync(join(ROOT, 'spec', 'operations.json'), 'utf8')).length)
    expect(c.operations).toContain('DELETE /users/{user_id}/mfa')
    expect(c.missing).not.toContain('GET /organization_roles')
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain(`<!-- coverage -->${figure(c)}<!-- /coverage -->`)
  })
})
