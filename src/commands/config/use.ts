import {Args} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {useProfile} from '../../lib/config/profile-settings.js'

export default class ConfigUse extends ClerkCommand<typeof ConfigUse> {
  static safety = 'write' as const
  static resolvesConfig = false
  static summary = 'Make a profile the current one (used when neither --profile nor CLERK_PROFILE is given)'
  static examples = ['<%= config.bin %> config use staging']
  static args = {name: Args.string({required: true, description: 'profile name'})}

  async run(): Promise<void> {
    useProfile(this.args.name)
    this.note(`Now using profile ${this.args.name}`)
  }
}
