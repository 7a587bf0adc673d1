/** Output files may not be the input or each other: compared by real path (symlinks and `./` resolved). */
import {realpathSync} from 'node:fs'
import {basename, dirname, resolve} from 'node:path'

import {usageError} from './errors.js'

/** The real path of a file that may not exist yet (its directory's real path and its name). */
export function realPathOf(path: string): string {
  const abs = resolve(path)
  try {
    return realpathSync(abs)
  } catch {
    try {
      return resolve(realpathSync(dirname(abs)), basename(abs))
    } catch {
      return abs
    }
  }
}

/** Exit 2 when two of the named files are the same file (stdin `-` and absent ones are left out). */
export function checkDistinctFiles(files: Array<[name: string, path: string | undefined]>): void {
  const seen = new Map<string, string>()
  for (const [name, path] of files) {
    if (!path || path === '-') continue
    const real = realPathOf(path)
    const other = seen.get(real)
    if (other) throw usageError(`${name} ${path} is the same file as ${other}`, 'name a different file for each output')
    seen.set(real, `${name} ${path}`)
  }
}
