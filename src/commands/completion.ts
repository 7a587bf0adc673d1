import {Args, Command} from '@oclif/core'

import {ClerkCommand} from '../lib/oclif/command.js'
import {INSTALL_HINTS, SHELLS, type CompletionCommand, type Shell, completionScript} from '../lib/oclif/completion.js'
import {out} from '../lib/output/writer.js'

export default class Completion extends ClerkCommand<typeof Completion> {
  static safety = 'read' as const
  static resolvesConfig = false
  static summary = 'Print a shell completion script (bash, zsh or fish) for every command and flag'
  static description = `Install it once:\n  ${SHELLS.map((s) => INSTALL_HINTS[s]).join('\n  ')}`
  static examples = [
    '<%= config.bin %> completion bash',
    'source <(<%= config.bin %> completion bash)',
    '<%= config.bin %> completion fish > ~/.config/fish/completions/clerk.fish',
  ]
  static args = {shell: Args.string({required: true, options: SHELLS, description: 'the shell'})}

  async run(): Promise<void> {
    const sep = this.config.topicSeparator ?? ' '
    const seen = new Set<string>()
    const commands: CompletionCommand[] = []
    for (const c of this.config.commands as Command.Loadable[]) {
      if (c.hidden) continue
      for (const id of [c.id, ...(c.aliases ?? [])]) {
        const words = id.split(':').join(sep)
        if (seen.has(words)) continue
        seen.add(words)
        const flags = Object.entries(c.flags ?? {})
          .filter(([, f]) => !f.hidden)
          .map(([name, f]) => ({
            name,
            char: f.char,
            description: f.summary ?? f.description,
            takesValue: f.type === 'option',
            options: f.type === 'option' && f.options ? [...f.options] : undefined,
          }))
        const firstArg = Object.values(c.args ?? {})[0]
        const summary = (c.summary ?? c.description?.split('\n')[0])?.replaceAll('<%= config.bin %>', this.config.bin)
        commands.push({id: words, summary, flags, argOptions: firstArg?.options ? [...firstArg.options] : undefined})
      }
    }
    const bins = [this.config.bin, 'clerk-admin'].filter((b, i, a) => a.indexOf(b) === i)
    await out(completionScript(this.args.shell as Shell, bins, commands))
  }
}
