import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {ROLE_DEFAULTS, compactBody, createRole, roleColumns} from '../../../lib/resources/roles.js'

export default class OrgsRolesCreate extends ClerkCommand<typeof OrgsRolesCreate> {
  static safety = 'write' as const
  static summary = 'Create an organization role'
  static description = 'Calls POST /v1/organization_roles.'
  static examples = [
    '<%= config.bin %> orgs roles create --key org:billing --name Billing --permission org:invoices:read --permission org:invoices:manage',
    '<%= config.bin %> orgs roles create --key org:viewer --name Viewer --initial-role-set',
  ]
  static flags = {
    key: Flags.string({required: true, description: 'role key, e.g. org:billing'}),
    name: Flags.string({required: true, description: 'display name'}),
    description: Flags.string({description: 'what the role is for'}),
    permission: Flags.string({multiple: true, description: 'permission key (repeatable)'}),
    'initial-role-set': Flags.boolean({description: 'add the role to the initial role set too'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const body = compactBody({
      key: f.key,
      name: f.name,
      description: f.description,
      permissions: f.permission,
      include_in_initial_role_set: f['initial-role-set'] || undefined,
    })
    const r = await createRole(await this.client(), body)
    await printOne(r, {
      format: this.format,
      columns: roleColumns(this.format),
      defaults: ROLE_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
