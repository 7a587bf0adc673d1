import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {IDENTIFIER_DEFAULTS, identifierColumns, listIdentifiers} from '../../lib/resources/allowlist-blocklist.js'
import {printList} from '../../lib/output/writer.js'

export default class BlocklistList extends ClerkCommand<typeof BlocklistList> {
  static safety = 'read' as const
  static summary = 'List the identifiers on the block-list (every page)'
  static description = 'Calls GET /v1/blocklist_identifiers page by page.'
  static examples = ['<%= config.bin %> blocklist list', '<%= config.bin %> blocklist list -o csv > blocklist.csv']
  static flags = {limit: Flags.integer({min: 1, description: 'show at most this many'})}

  async run(): Promise<void> {
    const client = await this.client()
    const rows = listIdentifiers(client, 'blocklist', {limit: this.flags.limit})
    await printList(rows, {
      format: this.format,
      columns: identifierColumns(this.format),
      defaults: IDENTIFIER_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
