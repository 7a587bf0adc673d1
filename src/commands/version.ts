import {ClerkCommand} from '../lib/oclif/command.js'

export default class Version extends ClerkCommand<typeof Version> {
  static safety = 'read' as const
  static summary = 'Print the version (the same as clerk --version or clerk -v)'
  static examples = ['<%= config.bin %> version']
  static baseFlags = {} as typeof ClerkCommand.baseFlags
  static resolvesConfig = false

  async run(): Promise<void> {
    this.log(this.config.userAgent)
  }
}
