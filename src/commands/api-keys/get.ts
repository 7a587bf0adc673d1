import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {printOne} from '../../lib/output/writer.js'
import {API_KEY_DEFAULTS, apiKeyColumns, getApiKey} from '../../lib/resources/machines/api-keys.js'

export default class ApiKeysGet extends ClerkCommand<typeof ApiKeysGet> {
  static safety = 'read' as const
  static summary = 'Show an API key (not its secret: see api-keys secret)'
  static description = 'Calls GET /api_keys/{apiKeyID}.'
  static examples = ['<%= config.bin %> api-keys get ak_3beecc9c60adb5f9b850e91a8ee1e992']
  static args = {id: idArg('ak', {required: true, description: 'API key id (ak_...)'})}

  async run(): Promise<void> {
    await printOne(await getApiKey(await this.client(), this.args.id), {
      format: this.format,
      columns: apiKeyColumns(this.format),
      defaults: API_KEY_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
