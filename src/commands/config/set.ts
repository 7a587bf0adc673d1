import {Args, Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {isInteractive} from '../../lib/config/resolve.js'
import {setSetting, shownValue, unsetSetting} from '../../lib/config/profile-settings.js'
import {PROFILE_KEYS, type ProfileKey, readProfiles, targetProfileName} from '../../lib/config/profiles-file.js'
import {promptFor} from '../../lib/output/prompts.js'
import {readStdin} from '../../lib/util/stdin.js'

export default class ConfigSet extends ClerkCommand<typeof ConfigSet> {
  static safety = 'write' as const
  static resolvesConfig = false
  static summary = 'Set a value in a profile (creates the profile; the first one becomes current)'
  static description =
    'Without VALUE, reads it from stdin when piped, or asks (hidden input for the secret key) at a terminal; ' +
    'a secret key given as an argument would be visible in `ps` and your shell history. The file is written with mode 0600.'
  static examples = [
    '<%= config.bin %> config set secret-key --profile prod            # asks for the key',
    'printenv CLERK_SECRET_KEY | <%= config.bin %> config set secret-key --profile staging',
    '<%= config.bin %> config set api-url http://127.0.0.1:8787 --profile local',
    '<%= config.bin %> config set rate-limit 500/10s --profile prod',
  ]
  static args = {
    key: Args.string({required: true, options: Object.keys(PROFILE_KEYS), description: 'setting to change'}),
    value: Args.string({ignoreStdin: true, description: 'its value (omit to read stdin or be asked)'}),
  }
  static flags = {unset: Flags.boolean({description: 'remove the setting from the profile instead'})}

  async run(): Promise<void> {
    const key = this.args.key as ProfileKey
    const name = targetProfileName(this.flags.profile, readProfiles())
    if (this.flags.unset) {
      unsetSetting(name, key)
      this.note(`Removed ${key} from profile ${name}`)
      return
    }
    if (this.args.value !== undefined && key === 'secret-key')
      this.warn('a secret key in the arguments is visible in `ps` and shell history; pipe it or let me ask')
    const value =
      this.args.value ??
      (!process.stdin.isTTY
        ? await readStdin()
        : await promptFor(
            {interactive: !this.flags['no-input'] && isInteractive()},
            key,
            `${key} for profile ${name}:`,
            {secret: key === 'secret-key'},
          ))
    const {path, file} = setSetting(name, key, value)
    this.note(
      `Set ${key} = ${shownValue(key, file.profiles[name][PROFILE_KEYS[key]])} in profile ${name}${file.current === name ? ' (current)' : ''} · ${path}`,
    )
  }
}
