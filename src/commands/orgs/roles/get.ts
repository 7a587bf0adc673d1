import {idArg} from '../../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {ROLE_DEFAULTS, getRole, roleColumns} from '../../../lib/resources/roles.js'

export default class OrgsRolesGet extends ClerkCommand<typeof OrgsRolesGet> {
  static safety = 'read' as const
  static summary = 'Show one organization role and its permissions'
  static description =
    'Calls GET /v1/organization_roles/{organization_role_id} (a key is looked up in GET /v1/organization_roles).'
  static examples = [
    '<%= config.bin %> orgs roles get org:billing',
    '<%= config.bin %> orgs roles get role_2abc -o json',
  ]
  static args = {
    role: idArg('role', {required: true, lookup: true, description: 'role id (role_...) or key (org:...)'}),
  }

  async run(): Promise<void> {
    const r = await getRole(await this.client(), this.args.role)
    await printOne(r, {
      format: this.format,
      columns: roleColumns(this.format),
      defaults: ROLE_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
