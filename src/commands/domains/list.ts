import {DOMAIN_DEFAULTS, domainColumns, listDomains} from '../../lib/resources/domains.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printList} from '../../lib/output/writer.js'

export default class DomainsList extends ClerkCommand<typeof DomainsList> {
  static safety = 'read' as const
  static summary = "List the instance's domains (primary and satellites)"
  static description = 'Calls GET /v1/domains.'
  static examples = [
    '<%= config.bin %> domains list',
    '<%= config.bin %> domains list -o json | jq ".[].frontend_api_url"',
  ]

  async run(): Promise<void> {
    const rows = listDomains(await this.client())
    await printList(rows, {
      format: this.format,
      columns: domainColumns(this.format),
      defaults: DOMAIN_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
