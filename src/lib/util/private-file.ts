/**
 * Files that hold user data or secrets (reports, journals, id lists, exports, the profiles file, spooled
 * stdin) are private: created 0600 (directories 0700), never through a symlink planted at the path
 * (O_NOFOLLOW), exclusively (O_EXCL) where the file must be new. An existing file we reopen is set back
 * to 0600.
 */
import {constants, fchmodSync, mkdirSync, openSync, statSync} from 'node:fs'

import {CliError, ExitCode, usageError} from './errors.js'

export type PrivateOpen = 'new' | 'truncate' | 'append' | 'update' | 'spool'

const FLAGS: Record<PrivateOpen, number> = {
  new: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
  truncate: constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC,
  append: constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND,
  update: constants.O_RDWR,
  spool: constants.O_RDWR | constants.O_CREAT | constants.O_EXCL,
}

/** Open `path` for writing as a private file (a file descriptor). A symlink at `path` is refused (exit 2). */
export function openPrivate(path: string, how: PrivateOpen, what = 'file'): number {
  let fd: number
  try {
    fd = openSync(path, FLAGS[how] | constants.O_NOFOLLOW, 0o600)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP' || code === 'EMLINK')
      throw usageError(`refusing to write ${what} ${path}: it is a symbolic link`)
    if (code === 'EEXIST') throw usageError(`refusing to write ${what} ${path}: it exists already`)
    throw usageError(`cannot write ${what} ${path}: ${code ?? (error as Error).message}`)
  }
  fchmodSync(fd, 0o600)
  return fd
}

/** A private directory: created 0700; an existing one that others can write is refused (exit 2). */
export function privateDir(dir: string, what = 'directory'): void {
  mkdirSync(dir, {recursive: true, mode: 0o700})
  const s = statSync(dir)
  if ((s.mode & 0o022) !== 0 && !(s.mode & 0o1000))
    throw new CliError(`refusing to use ${what} ${dir}: others can write to it`, ExitCode.USAGE, {
      hint: `chmod 700 ${dir}`,
    })
}
