import {ClerkCommand} from '../../lib/oclif/command.js'
import {printList} from '../../lib/output/writer.js'
import {type ProfileRow, profileRows} from '../../lib/config/profile-settings.js'
import {profilesPath, readProfiles} from '../../lib/config/profiles-file.js'

const columns = {
  name: {header: 'PROFILE', get: (r: ProfileRow) => (r.current ? `* ${r.name}` : `  ${r.name}`)},
  instance: {header: 'INSTANCE', get: (r: ProfileRow) => r.instance},
  api_url: {header: 'API URL', get: (r: ProfileRow) => r.api_url ?? ''},
  secret_key: {header: 'SECRET KEY', get: (r: ProfileRow) => r.secret_key},
  rate_limit: {header: 'RATE LIMIT', get: (r: ProfileRow) => r.rate_limit ?? ''},
  current: {header: 'CURRENT', get: (r: ProfileRow) => r.current},
}

export default class ConfigList extends ClerkCommand<typeof ConfigList> {
  static safety = 'read' as const
  static resolvesConfig = false
  static summary = 'List profiles (* marks the current one; secret keys masked)'
  static description =
    'Profiles live in $CLERK_ADMIN_CONFIG_DIR, else $XDG_CONFIG_HOME/clerk-admin, else ~/.config/clerk-admin (config.json, mode 0600).'
  static examples = ['<%= config.bin %> config list', '<%= config.bin %> config list -o json']

  async run(): Promise<void> {
    const rows = profileRows(readProfiles())
    if (rows.length === 0 && this.format === 'table') {
      this.note(`No profiles in ${profilesPath()}. Create one with: clerk config set secret-key --profile NAME`)
      return
    }
    await printList(rows, {
      format: this.format,
      columns,
      defaults: ['name', 'instance', 'api_url', 'secret_key', 'rate_limit'],
      select: this.selectedColumns,
    })
  }
}
