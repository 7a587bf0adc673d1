import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {ROLE_SET_DEFAULTS, compactBody, createRoleSet, roleSetColumns} from '../../lib/resources/roles.js'

export default class RoleSetsCreate extends ClerkCommand<typeof RoleSetsCreate> {
  static safety = 'write' as const
  static summary = 'Create a role set'
  static description = 'Calls POST /v1/role_sets.'
  static examples = [
    '<%= config.bin %> role-sets create --name Enterprise --role org:admin --role org:member --role org:billing --default-role org:member --creator-role org:admin',
  ]
  static flags = {
    name: Flags.string({required: true, description: 'display name'}),
    key: Flags.string({description: 'key, role_set:<name> [default: from the name]'}),
    description: Flags.string({description: 'what the set is for'}),
    role: Flags.string({required: true, multiple: true, description: 'role key in the set (repeatable)'}),
    'default-role': Flags.string({required: true, description: 'role key new members get'}),
    'creator-role': Flags.string({required: true, description: "role key of an organization's creator"}),
    initial: Flags.boolean({description: 'make it the initial role set (new organizations get it)'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const body = compactBody({
      name: f.name,
      key: f.key,
      description: f.description,
      roles: f.role,
      default_role_key: f['default-role'],
      creator_role_key: f['creator-role'],
      type: f.initial ? 'initial' : undefined,
    })
    const s = await createRoleSet(await this.client(), body)
    await printOne(s, {
      format: this.format,
      columns: roleSetColumns(this.format),
      defaults: ROLE_SET_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
