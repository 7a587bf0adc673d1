/**
 * The help layout: a usage line that shows the command and its arguments (not all 14 global flags), the
 * command's own flags first, then its BULK flags, then the GLOBAL flags in a section of their own.
 * Plus `--help --json` (or help in agent mode): the command's surface as data, the same entry
 * `clerk commands --json` prints for it; with no command, the whole surface.
 */
import {type Command, CommandHelp, Help} from '@oclif/core'

import {isAgentMode} from './agent-mode.js'
import {commandSurface, describeCommand} from './surface.js'

const GROUP_ORDER = ['BULK', 'GLOBAL']

class ClerkCommandHelp extends CommandHelp {
  protected defaultUsage(): string {
    const args = Object.values(this.command.args ?? {})
      .filter((a) => !a.hidden)
      .map((a) => this.arg(a))
    const flags = Object.values(this.command.flags ?? {}).filter((f) => !f.hidden)
    const own = flags.some((f) => !f.helpGroup)
    const groups = [...new Set(flags.map((f) => f.helpGroup).filter((g): g is string => Boolean(g)))]
    const tail = [own ? '[FLAGS]' : '', ...groups.sort(byGroup).map((g) => `[${g} FLAGS]`)]
    return [this.command.id, ...args, ...tail].filter(Boolean).join(' ')
  }

  protected groupFlags(flags: Array<Command.Flag.Any>) {
    const grouped = super.groupFlags(flags)
    const ordered: typeof grouped.flagGroups = {}
    for (const name of Object.keys(grouped.flagGroups).sort(byGroup)) ordered[name] = grouped.flagGroups[name]
    return {mainFlags: grouped.mainFlags, flagGroups: ordered}
  }
}

/** groups in GROUP_ORDER go last, in that order; any other group keeps its place before them */
function byGroup(a: string, b: string): number {
  return GROUP_ORDER.indexOf(a) - GROUP_ORDER.indexOf(b)
}

export default class ClerkHelp extends Help {
  CommandHelpClass = ClerkCommandHelp

  async showHelp(argv: string[]): Promise<void> {
    if (!argv.includes('--json') && !isAgentMode(argv)) return super.showHelp(argv)
    const words = argv.filter((a) => !a.startsWith('-') && a !== 'help')
    for (let n = words.length; n > 0; n--) {
      const command = this.config.findCommand(words.slice(0, n).join(':'))
      if (command) {
        process.stdout.write(`${JSON.stringify(describeCommand(command, this.config), null, 2)}\n`)
        return
      }
    }
    process.stdout.write(`${JSON.stringify({commands: commandSurface(this.config)}, null, 2)}\n`)
  }
}
