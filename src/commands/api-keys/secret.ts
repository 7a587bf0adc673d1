import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {out, printJson} from '../../lib/output/writer.js'
import {apiKeySecret} from '../../lib/resources/machines/api-keys.js'

export default class ApiKeysSecret extends ClerkCommand<typeof ApiKeysSecret> {
  static safety = 'read' as const
  static summary = "Print an API key's secret to stdout (nowhere else)"
  static description = 'Calls GET /api_keys/{apiKeyID}/secret. Prints the bare secret (-o json: {"secret": ...}).'
  static examples = ['<%= config.bin %> api-keys secret ak_3beecc9c60adb5f9b850e91a8ee1e992 > key.txt']
  static args = {id: idArg('ak', {required: true, description: 'API key id (ak_...)'})}

  async run(): Promise<void> {
    const secret = await apiKeySecret(await this.client(), this.args.id)
    if (this.format === 'json' || this.format === 'ndjson') return printJson({secret}, this.format)
    await out(`${secret}\n`)
  }
}
