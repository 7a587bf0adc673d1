import {Help} from '@oclif/core'

import {isAgentMode} from './agent-mode.js'
import {commandSurface, describeCommand} from './surface.js'

/**
 * oclif's help, plus `--help --json` (or help in agent mode): the command's surface as data, the same
 * entry `clerk commands --json` prints for it; with no command, the whole surface.
 */
export default class ClerkHelp extends Help {
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
