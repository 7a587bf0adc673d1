import {Args} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {CliError, ExitCode} from '../../lib/util/errors.js'
import {out} from '../../lib/output/writer.js'
import {shownValue} from '../../lib/config/profile-settings.js'
import {PROFILE_KEYS, type ProfileKey, readProfiles, targetProfileName} from '../../lib/config/profiles-file.js'

export default class ConfigGet extends ClerkCommand<typeof ConfigGet> {
  static safety = 'read' as const
  static resolvesConfig = false
  static summary = 'Print one setting of a profile (the secret key masked)'
  static description = 'Exit 1 when the setting is not set in the profile.'
  static examples = ['<%= config.bin %> config get api-url', '<%= config.bin %> config get secret-key --profile prod']
  static args = {
    key: Args.string({required: true, options: Object.keys(PROFILE_KEYS), description: 'setting to print'}),
  }

  async run(): Promise<void> {
    const key = this.args.key as ProfileKey
    const file = readProfiles()
    const name = targetProfileName(this.flags.profile, file)
    const value = shownValue(key, file.profiles[name]?.[PROFILE_KEYS[key]])
    if (value === undefined) throw new CliError(`${key} is not set in profile ${name}`, ExitCode.FAILURE)
    await out(`${value}\n`)
  }
}
