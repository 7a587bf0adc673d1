import {idArg} from '../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {ROLE_SET_DEFAULTS, getRoleSet, roleSetColumns} from '../../lib/resources/roles.js'

export const roleSetArg = {
  roleSet: idArg('rs', {required: true, lookup: true, description: 'role set key (role_set:...) or id'}),
}

export default class RoleSetsGet extends ClerkCommand<typeof RoleSetsGet> {
  static safety = 'read' as const
  static summary = 'Show one role set'
  static description = 'Calls GET /v1/role_sets/{role_set_key_or_id}.'
  static examples = ['<%= config.bin %> role-sets get role_set:default']
  static args = roleSetArg

  async run(): Promise<void> {
    const s = await getRoleSet(await this.client(), this.args.roleSet)
    await printOne(s, {
      format: this.format,
      columns: roleSetColumns(this.format),
      defaults: ROLE_SET_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
