import {Args, Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {IDENTIFIER_DEFAULTS, addIdentifier, identifierColumns} from '../../lib/resources/allowlist-blocklist.js'
import {printOne} from '../../lib/output/writer.js'

export default class AllowlistAdd extends ClerkCommand<typeof AllowlistAdd> {
  static safety = 'write' as const
  static summary = 'Allow an email address, `*@domain`, phone number or web3 wallet to sign up'
  static description = 'Calls POST /v1/allowlist_identifiers.'
  static examples = [
    '<%= config.bin %> allowlist add alice@example.com --notify',
    '<%= config.bin %> allowlist add "*@example.com"',
  ]
  static args = {
    identifier: Args.string({required: true, description: 'email address, *@domain, phone (E.164) or web3 wallet'}),
  }
  static flags = {notify: Flags.boolean({description: 'send an invitation (email or phone identifiers)'})}

  async run(): Promise<void> {
    const client = await this.client()
    const item = await addIdentifier(client, 'allowlist', this.args.identifier, this.flags.notify || undefined)
    await printOne(item, {
      format: this.format,
      columns: identifierColumns(this.format),
      defaults: IDENTIFIER_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
