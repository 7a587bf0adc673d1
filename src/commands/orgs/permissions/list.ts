import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printList} from '../../../lib/output/writer.js'
import {PERMISSION_LIST_DEFAULTS, listPermissions, permissionColumns} from '../../../lib/resources/roles.js'
import {listFlags} from '../roles/list.js'

export default class OrgsPermissionsList extends ClerkCommand<typeof OrgsPermissionsList> {
  static safety = 'read' as const
  static summary = "List the instance's organization permissions (system and custom)"
  static description = 'Calls GET /v1/organization_permissions page by page.'
  static examples = [
    '<%= config.bin %> orgs permissions list',
    '<%= config.bin %> orgs permissions list --query invoices',
  ]
  static flags = listFlags

  async run(): Promise<void> {
    const f = this.flags
    const rows = listPermissions(await this.client(), {query: f.query, orderBy: f['order-by'], limit: f.limit})
    await printList(rows, {
      format: this.format,
      columns: permissionColumns(this.format),
      defaults: PERMISSION_LIST_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
