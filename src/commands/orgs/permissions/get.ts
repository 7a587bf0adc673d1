import {idArg} from '../../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {PERMISSION_DEFAULTS, getPermission, permissionColumns} from '../../../lib/resources/roles.js'

export const permissionArg = {
  permission: idArg('perm', {
    required: true,
    lookup: true,
    description: 'permission id (perm_...) or key (org:feature:permission)',
  }),
}

export default class OrgsPermissionsGet extends ClerkCommand<typeof OrgsPermissionsGet> {
  static safety = 'read' as const
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
