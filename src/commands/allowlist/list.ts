import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {IDENTIFIER_DEFAULTS, identifierColumns, listIdentifiers} from '../../lib/resources/allowlist-blocklist.js'
import {printList} from '../../lib/output/writer.js'

export default class AllowlistList extends ClerkCommand<typeof AllowlistList> {
  static safety = 'read' as const
  static summary = 'List the identifiers on the allow-list (every page)'
  static description = 'Calls GET /v1/allowlist_identifiers page by page.'
  static examples = ['<%= config.bin %> allowlist list', '<%= config.bin %> allowlist list -o csv > allowlist.csv']
  static flags = {limit: Flags.integer({min: 1, description: 'show at most this many'})}

  async run(): Promise<void> {
    const client = await this.client()
    const rows = listIdentifiers(client, 'allowlist', {limit: this.flags.limit})
    await printList(rows, {
      format: this.format,
      columns: identifierColumns(this.format),
      defaults: IDENTIFIER_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
