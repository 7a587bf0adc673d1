import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {PERMISSION_DEFAULTS, compactBody, createPermission, permissionColumns} from '../../../lib/resources/roles.js'

export default class OrgsPermissionsCreate extends ClerkCommand<typeof OrgsPermissionsCreate> {
  static safety = 'write' as const
  static summary = 'Create an organization permission'
  static description = 'Calls POST /v1/organization_permissions.'
  static examples = ['<%= config.bin %> orgs permissions create --key org:invoices:read --name "Read invoices"']
  static flags = {
    key: Flags.string({required: true, description: 'permission key, org:<feature>:<permission>'}),
    name: Flags.string({required: true, description: 'display name'}),
    description: Flags.string({description: 'what it allows'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const p = await createPermission(
      await this.client(),
      compactBody({key: f.key, name: f.name, description: f.description}),
    )
    await printOne(p, {
      format: this.format,
      columns: permissionColumns(this.format),
      defaults: PERMISSION_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
