import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {TEMPLATE_LIST_DEFAULTS, listTemplates, templateColumns} from '../../lib/resources/jwt-templates.js'
import {printList} from '../../lib/output/writer.js'

export default class JwtTemplatesList extends ClerkCommand<typeof JwtTemplatesList> {
  static safety = 'read' as const
  static summary = 'List JWT templates'
  static description = 'Calls GET /v1/jwt_templates page by page.'
  static examples = ['<%= config.bin %> jwt-templates list', '<%= config.bin %> jwt-templates list -o json']
  static flags = {limit: Flags.integer({min: 1, description: 'show at most this many'})}

  async run(): Promise<void> {
    const rows = listTemplates(await this.client(), {limit: this.flags.limit})
    await printList(rows, {
      format: this.format,
      columns: templateColumns(this.format),
      defaults: TEMPLATE_LIST_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
