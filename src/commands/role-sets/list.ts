import {ClerkCommand} from '../../lib/oclif/command.js'
import {printList} from '../../lib/output/writer.js'
import {ROLE_SET_LIST_DEFAULTS, listRoleSets, roleSetColumns} from '../../lib/resources/roles.js'
import {listFlags} from '../orgs/roles/list.js'

export default class RoleSetsList extends ClerkCommand<typeof RoleSetsList> {
  static safety = 'read' as const
  static summary = 'List role sets (the roles an organization can use)'
  static description = 'Calls GET /v1/role_sets page by page.'
  static examples = ['<%= config.bin %> role-sets list', '<%= config.bin %> role-sets list -o json']
  static flags = listFlags

  async run(): Promise<void> {
    const f = this.flags
    const rows = listRoleSets(await this.client(), {query: f.query, orderBy: f['order-by'], limit: f.limit})
    await printList(rows, {
      format: this.format,
      columns: roleSetColumns(this.format),
      defaults: ROLE_SET_LIST_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
