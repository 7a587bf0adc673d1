import {Command, Flags} from '@oclif/core'

import {commandSurface} from '../lib/oclif/surface.js'
import {isAgentMode} from '../lib/oclif/agent-mode.js'

export default class CommandsCommand extends Command {
  static safety = 'read' as const
  static summary = 'List every command; with --json, the whole command surface as data (for agents and scripts)'
  static description =
    'Generated from the oclif manifest: ids as typed, summaries, args, flags (type, default, options, required), examples, the Backend API endpoints each calls, whether it writes, and its exit codes. `clerk <command> --help --json` prints one command.'
  static examples = ['<%= config.bin %> commands', '<%= config.bin %> commands --json']
  static flags = {
    json: Flags.boolean({description: 'print the surface as JSON'}),
    mode: Flags.string({options: ['human', 'agent'], description: 'agent: JSON output (env CLERK_ADMIN_MODE)'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(CommandsCommand)
    const surface = commandSurface(this.config)
    if (flags.json || isAgentMode()) {
      process.stdout.write(
        `${JSON.stringify({bin: this.config.bin, version: this.config.version, commands: surface}, null, 2)}\n`,
      )
      return
    }
    const width = Math.max(...surface.map((c) => c.id.length))
    for (const c of surface) process.stdout.write(`${c.id.padEnd(width)}  ${c.summary ?? ''}\n`)
  }
}
