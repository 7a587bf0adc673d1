/**
 * oclif's `command_not_found` hook: an unknown command is a usage error (exit 2) named the way it was
 * typed (`user list`, not `user:list`), with the closest commands or topics.
 */
import {Errors, type Hook} from '@oclif/core'

import {usageError} from '../util/errors.js'
import {redactSecrets} from '../util/redact.js'
import {closest} from '../util/suggest.js'
import {agentErrorLine, isAgentMode} from './agent-mode.js'
import {displayId} from './parse-errors.js'

const hook: Hook<'command_not_found'> = async function ({config, id}) {
  const typed = displayId(id)
  const names = [
    ...config.commands.filter((c) => !c.hidden).flatMap((c) => [c.id, ...(c.aliases ?? [])]),
    ...config.topics.map((t) => t.name),
  ].map(displayId)
  const near = closest(typed, names)
  const hint =
    near.length > 0
      ? `did you mean ${near.map((n) => `"clerk ${n}"`).join(' or ')}? (clerk --help lists commands)`
      : 'clerk --help lists the commands'
  const e = usageError(`unknown command "clerk ${typed}"`, hint)
  // agent mode: the same one JSON object on stderr as every other error
  if (isAgentMode()) process.stderr.write(agentErrorLine(e, 2, (s) => redactSecrets(s)))
  else process.stderr.write(redactSecrets(`Error: ${e.message}\nHint: ${hint}\n`))
  throw new Errors.ExitError(2)
}

export default hook
