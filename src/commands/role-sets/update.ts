import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {ROLE_SET_DEFAULTS, compactBody, roleSetColumns, updateRoleSet} from '../../lib/resources/roles.js'
import {roleSetArg} from './get.js'

export default class RoleSetsUpdate extends ClerkCommand<typeof RoleSetsUpdate> {
  static safety = 'write' as const
  static summary = 'Change a role set (only the given fields)'
  static description = 'Calls PATCH /v1/role_sets/{role_set_key_or_id}.'
  static examples = [
    '<%= config.bin %> role-sets update role_set:enterprise --default-role org:billing',
    '<%= config.bin %> role-sets update role_set:enterprise --initial',
  ]
  static args = roleSetArg
  static flags = {
    name: Flags.string({description: 'new display name'}),
    key: Flags.string({description: 'new key'}),
    description: Flags.string({description: 'new description'}),
    'default-role': Flags.string({description: 'role key new members get'}),
    'creator-role': Flags.string({description: "role key of an organization's creator"}),
    initial: Flags.boolean({description: 'make it the initial role set'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const body = compactBody({
      name: f.name,
      key: f.key,
      description: f.description,
      default_role_key: f['default-role'],
      creator_role_key: f['creator-role'],
      type: f.initial ? 'initial' : undefined,
    })
    const s = await updateRoleSet(await this.client(), this.args.roleSet, body)
    await printOne(s, {
      format: this.format,
      columns: roleSetColumns(this.format),
      defaults: ROLE_SET_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
