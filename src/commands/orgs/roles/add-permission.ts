import {idArg} from '../../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {ROLE_DEFAULTS, roleColumns, rolePermission} from '../../../lib/resources/roles.js'

export const rolePermissionArgs = {
  role: idArg('role', {required: true, lookup: true, description: 'role id (role_...) or key (org:...)'}),
  permission: idArg('perm', {
    required: true,
    lookup: true,
    description: 'permission id (perm_...) or key (org:feature:permission)',
  }),
}

export default class OrgsRolesAddPermission extends ClerkCommand<typeof OrgsRolesAddPermission> {
  static safety = 'write' as const
  static summary = 'Give a role one more permission'
  static description = 'Calls POST /v1/organization_roles/{organization_role_id}/permissions/{permission_id}.'
  static examples = ['<%= config.bin %> orgs roles add-permission org:billing org:invoices:manage']
  static args = rolePermissionArgs

  async run(): Promise<void> {
    const r = await rolePermission(await this.client(), 'POST', this.args.role, this.args.permission)
    await printOne(r, {
      format: this.format,
      columns: roleColumns(this.format),
      defaults: ROLE_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
