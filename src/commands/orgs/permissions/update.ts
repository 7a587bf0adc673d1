import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {PERMISSION_DEFAULTS, compactBody, permissionColumns, updatePermission} from '../../../lib/resources/roles.js'
import {permissionArg} from './get.js'

export default class OrgsPermissionsUpdate extends ClerkCommand<typeof OrgsPermissionsUpdate> {
  static safety = 'write' as const
  static summary = 'Change an organization permission (only the given fields)'
  static description = 'Calls PATCH /v1/organization_permissions/{permission_id}.'
  static examples = ['<%= config.bin %> orgs permissions update org:invoices:read --description "See every invoice"']
  static args = permissionArg
  static flags = {
    key: Flags.string({description: 'new key'}),
    name: Flags.string({description: 'new display name'}),
    description: Flags.string({description: 'new description'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const body = compactBody({key: f.key, name: f.name, description: f.description})
    const p = await updatePermission(await this.client(), this.args.permission, body)
    await printOne(p, {
      format: this.format,
      columns: permissionColumns(this.format),
      defaults: PERMISSION_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
