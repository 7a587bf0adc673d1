import {Args} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {PERMISSION_DEFAULTS, getPermission, permissionColumns} from '../../../lib/resources/roles.js'

export const permissionArg = {
  permission: Args.string({required: true, description: 'permission id (perm_...) or key (org:feature:permission)'}),
}

export default class OrgsPermissionsGet extends ClerkCommand<typeof OrgsPermissionsGet> {
  static summary = 'Show one organization permission'
  static description =
    'Calls GET /v1/organization_permissions/{permission_id} (a key is looked up in GET /v1/organization_permissions).'
  static examples = ['<%= config.bin %> orgs permissions get org:invoices:read']
  static args = permissionArg

  async run(): Promise<void> {
    const p = await getPermission(await this.client(), this.args.permission)
    await printOne(p, {
      format: this.format,
      columns: permissionColumns(this.format),
      defaults: PERMISSION_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
