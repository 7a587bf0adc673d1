import {Args} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {removeProfile} from '../../lib/config/profile-settings.js'

export default class ConfigRemove extends ClerkCommand<typeof ConfigRemove> {
  static safety = 'write' as const
  static resolvesConfig = false
  static summary = 'Delete a profile from the config file (nothing changes on Clerk)'
  static examples = ['<%= config.bin %> config remove old-staging']
  static args = {name: Args.string({required: true, description: 'profile name'})}

  async run(): Promise<void> {
    const {wasCurrent} = removeProfile(this.args.name)
    this.note(
      `Removed profile ${this.args.name}${wasCurrent ? '; no profile is current now (clerk config use NAME)' : ''}`,
    )
  }
}
