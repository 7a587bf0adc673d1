import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {destructiveFlags, reasonFlag} from '../../lib/oclif/machine-flags.js'
import {printOne} from '../../lib/output/writer.js'
import {apiKeyColumns, revokeApiKey} from '../../lib/resources/machines/api-keys.js'

export default class ApiKeysRevoke extends ClerkCommand<typeof ApiKeysRevoke> {
  static safety = 'destructive' as const
  static summary = 'Revoke an API key (it stops verifying at once)'
  static description = 'Calls POST /api_keys/{apiKeyID}/revoke. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> api-keys revoke ak_3beecc9c60adb5f9b850e91a8ee1e992 --reason leaked --yes']
  static args = {id: idArg('ak', {required: true, description: 'API key id (ak_...)'})}
  static flags = {...destructiveFlags, ...reasonFlag}

  async run(): Promise<void> {
    const {id} = this.args
    await this.confirm(`revoke API key ${id}`, {typed: id, yes: this.flags.yes || this.flags['dry-run']})
    await printOne(await revokeApiKey(await this.client(), id, this.flags.reason), {
      format: this.format,
      columns: apiKeyColumns(this.format),
      defaults: ['id', 'name', 'subject', 'revoked', 'revocation_reason'],
      select: this.selectedColumns,
    })
  }
}
