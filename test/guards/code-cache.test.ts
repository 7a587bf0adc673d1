/**
 * oclif's code cache (src/lib/oclif/code-cache.ts): written once, private, and never a reason for a run to
 * fail. A cache file that is garbage, empty or unreadable is compiled past and written again.
 */
import {mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {expect, it} from 'vitest'

import {runCli} from '../helpers/cli.js'

it('writes a private cache once, and runs on past a corrupt one (rewriting it)', async () => {
  const base = mkdtempSync(join(tmpdir(), 'clerk-code-cache-'))
  const dir = join(base, 'code-cache')
  const env = {CLERK_ADMIN_CACHE_DIR: base}
  const first = await runCli(['--version'], {env})
  expect(first.code).toBe(0)
  const [file, ...others] = readdirSync(dir)
  expect(others).toEqual([])
  expect(statSync(dir).mode & 0o777).toBe(0o700)
  expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600)
  const size = statSync(join(dir, file)).size
  expect(size).toBeGreaterThan(10_000)

  const garbage = Buffer.alloc(size, 7) // same length: only V8's own checks can tell
  writeFileSync(join(dir, file), garbage)
  const corrupt = await runCli(['users', 'list', '--help'], {env})
  expect(corrupt.code).toBe(0)
  expect(corrupt.stdout).toMatch(/^USAGE/m)
  expect(corrupt.stderr).toBe('')
  expect(readdirSync(dir)).toEqual([file])
  expect(readFileSync(join(dir, file)).equals(garbage)).toBe(false) // rejected, so written again

  const again = await runCli(['--version'], {env})
  expect([again.code, again.stderr]).toEqual([0, ''])
})
