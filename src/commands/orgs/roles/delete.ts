import {Flags} from '@oclif/core'
import {idArg} from '../../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {deleteRole} from '../../../lib/resources/roles.js'
import {printDeleted} from '../../../lib/resources/rows.js'

export default class OrgsRolesDelete extends ClerkCommand<typeof OrgsRolesDelete> {
  static safety = 'destructive' as const
  static summary = 'Delete an organization role'
  static description =
    'Calls DELETE /v1/organization_roles/{organization_role_id}. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> orgs roles delete org:billing --yes']
  static args = {
    role: idArg('role', {required: true, lookup: true, description: 'role id (role_...) or key (org:...)'}),
  }
  static flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<void> {
    await this.confirm(`delete organization role ${this.args.role}`, {typed: this.args.role, yes: this.flags.yes})
    await printDeleted(await deleteRole(await this.client(), this.args.role), this.format)
  }
}
