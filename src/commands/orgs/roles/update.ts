import {Flags} from '@oclif/core'
import {idArg} from '../../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {ROLE_DEFAULTS, compactBody, roleColumns, updateRole} from '../../../lib/resources/roles.js'

export default class OrgsRolesUpdate extends ClerkCommand<typeof OrgsRolesUpdate> {
  static safety = 'write' as const
  static summary = 'Change an organization role (only the given fields)'
  static description =
    'Calls PATCH /v1/organization_roles/{organization_role_id}. --permission replaces the whole list; use add-permission / remove-permission for one.'
  static examples = [
    '<%= config.bin %> orgs roles update org:billing --name "Billing admin"',
    '<%= config.bin %> orgs roles update role_2abc --permission org:invoices:read',
  ]
  static args = {
    role: idArg('role', {required: true, lookup: true, description: 'role id (role_...) or key (org:...)'}),
  }
  static flags = {
    key: Flags.string({description: 'new key'}),
    name: Flags.string({description: 'new display name'}),
    description: Flags.string({description: 'new description'}),
    permission: Flags.string({
      multiple: true,
      description: 'the permission keys the role has from now on (repeatable)',
    }),
  }

  async run(): Promise<void> {
    const f = this.flags
    const body = compactBody({key: f.key, name: f.name, description: f.description, permissions: f.permission})
    const r = await updateRole(await this.client(), this.args.role, body)
    await printOne(r, {
      format: this.format,
      columns: roleColumns(this.format),
      defaults: ROLE_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
