import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {removeIdentifier, resolveIdentifier} from '../../lib/resources/allowlist-blocklist.js'
import {printDeleted} from '../../lib/resources/rows.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class BlocklistRemove extends ClerkCommand<typeof BlocklistRemove> {
  static safety = 'destructive' as const
  static summary = 'Remove an identifier from the block-list (by id or by the identifier itself)'
  static description =
    'Calls DELETE /v1/blocklist_identifiers/{id} (after a lookup when given the identifier). Asks first; --yes when there is no terminal.'
  static examples = [
    '<%= config.bin %> blocklist remove blid_2abc --yes',
    '<%= config.bin %> blocklist remove alice@example.com',
  ]
  static args = {identifier: idArg('blid', {lookup: true, required: true, description: 'blid_ id, or the identifier'})}
  static flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<void> {
    const client = await this.client()
    const id = await resolveIdentifier(client, 'blocklist', this.args.identifier)
    await this.confirm(`remove ${this.args.identifier} from the block-list`, {
      typed: this.args.identifier,
      yes: this.flags.yes,
    })
    await printDeleted(await removeIdentifier(client, 'blocklist', id), this.format)
  }
}
