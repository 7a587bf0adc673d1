/**
 * oclif's `command_not_found` hook: an unknown command is a usage error (exit 2) named the way it was
 * typed (`user list`, not `user:list`), with the closest commands or topics.
 */
import {Errors, type Hook} from '@oclif/core'

import {closest} from '../util/suggest.js'
import {displayId} from './parse-errors.js'

const hook: Hook<'command_not_found'> = async function ({config, id}) {
  const typed = displayId(id)
  const names = [
    ...config.commands.filter((c) => !c.hidden).flatMap((c) => [c.id, ...(c.aliases ?? [])]),
    ...config.topics.map((t) => t.name),
  ].map(displayId)
  const near = closest(typed, names)
  process.stderr.write(`Error: unknown command "clerk ${typed}"\n`)
  if (near.length > 0)
    process.stderr.write(
      `Hint: did you mean ${near.map((n) => `"clerk ${n}"`).join(' or ')}? (clerk --help lists commands)\n`,
    )
  else process.stderr.write('Hint: clerk --help lists the commands\n')
  throw new Errors.ExitError(2)
}

export default hook
