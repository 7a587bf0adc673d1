import {Flags} from '@oclif/core'

import {listRedirectUrls, redirectColumns} from '../../lib/resources/redirect-urls.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printList} from '../../lib/output/writer.js'

export default class RedirectUrlsList extends ClerkCommand<typeof RedirectUrlsList> {
  static safety = 'read' as const
  static summary = 'List the allowed redirect URLs (native and mobile OAuth flows)'
  static description = 'Calls GET /v1/redirect_urls page by page.'
  static examples = ['<%= config.bin %> redirect-urls list']
  static flags = {limit: Flags.integer({min: 1, description: 'show at most this many'})}

  async run(): Promise<void> {
    const rows = listRedirectUrls(await this.client(), {limit: this.flags.limit})
    await printList(rows, {
      format: this.format,
      columns: redirectColumns(this.format),
      defaults: ['id', 'url', 'created'],
      select: this.selectedColumns,
    })
  }
}
