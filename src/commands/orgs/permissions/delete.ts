import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {deletePermission} from '../../../lib/resources/roles.js'
import {printDeleted} from '../../../lib/resources/rows.js'
import {permissionArg} from './get.js'

export default class OrgsPermissionsDelete extends ClerkCommand<typeof OrgsPermissionsDelete> {
  static safety = 'destructive' as const
  static summary = 'Delete an organization permission (every role loses it)'
  static description =
    'Calls DELETE /v1/organization_permissions/{permission_id}. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> orgs permissions delete org:invoices:read --yes']
  static args = permissionArg
  static flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<void> {
    const p = this.args.permission
    await this.confirm(`delete organization permission ${p}`, {typed: p, yes: this.flags.yes})
    await printDeleted(await deletePermission(await this.client(), p), this.format)
  }
}
