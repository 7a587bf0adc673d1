import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printList} from '../../../lib/output/writer.js'
import {ROLE_LIST_DEFAULTS, listRoles, roleColumns} from '../../../lib/resources/roles.js'

export const listFlags = {
  query: Flags.string({char: 'q', description: 'only those whose name or key contains this'}),
  'order-by': Flags.string({description: 'created_at, name or key, prefixed + or - [default: -created_at]'}),
  limit: Flags.integer({min: 1, description: 'show at most this many'}),
}

export default class OrgsRolesList extends ClerkCommand<typeof OrgsRolesList> {
  static safety = 'read' as const
  static summary = "List the instance's organization roles"
  static description = 'Calls GET /v1/organization_roles page by page.'
  static examples = ['<%= config.bin %> orgs roles list', '<%= config.bin %> orgs roles list --query billing -o json']
  static flags = listFlags

  async run(): Promise<void> {
    const f = this.flags
    const rows = listRoles(await this.client(), {query: f.query, orderBy: f['order-by'], limit: f.limit})
    await printList(rows, {
      format: this.format,
      columns: roleColumns(this.format),
      defaults: ROLE_LIST_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
