import {Args} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {IDENTIFIER_DEFAULTS, addIdentifier, identifierColumns} from '../../lib/resources/allowlist-blocklist.js'
import {printOne} from '../../lib/output/writer.js'

export default class BlocklistAdd extends ClerkCommand<typeof BlocklistAdd> {
  static safety = 'write' as const
  static summary = 'Block an email address, phone number or web3 wallet from signing up or in'
  static description = 'Calls POST /v1/blocklist_identifiers.'
  static examples = [
    '<%= config.bin %> blocklist add spammer@example.com',
    '<%= config.bin %> blocklist add +15555550100',
  ]
  static args = {identifier: Args.string({required: true, description: 'email address, phone (E.164) or web3 wallet'})}

  async run(): Promise<void> {
    const client = await this.client()
    const item = await addIdentifier(client, 'blocklist', this.args.identifier)
    await printOne(item, {
      format: this.format,
      columns: identifierColumns(this.format),
      defaults: IDENTIFIER_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
