import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {ROLE_DEFAULTS, roleColumns, rolePermission} from '../../../lib/resources/roles.js'
import {rolePermissionArgs} from './add-permission.js'

export default class OrgsRolesRemovePermission extends ClerkCommand<typeof OrgsRolesRemovePermission> {
  static safety = 'destructive' as const
  static summary = 'Take one permission away from a role'
  static description =
    'Calls DELETE /v1/organization_roles/{organization_role_id}/permissions/{permission_id}. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> orgs roles remove-permission org:billing org:invoices:manage --yes']
  static args = rolePermissionArgs
  static flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<void> {
    const {role, permission} = this.args
    await this.confirm(`remove permission ${permission} from role ${role}`, {typed: role, yes: this.flags.yes})
    const r = await rolePermission(await this.client(), 'DELETE', role, permission)
    await printOne(r, {
      format: this.format,
      columns: roleColumns(this.format),
      defaults: ROLE_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
