import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {printOne} from '../../lib/output/writer.js'
import {MACHINE_DEFAULTS, machineColumns, updateMachine} from '../../lib/resources/machines/machines.js'

export default class MachinesUpdate extends ClerkCommand<typeof MachinesUpdate> {
  static safety = 'write' as const
  static summary = "Rename a machine or change its tokens' default lifetime"
  static description = 'Calls PATCH /v1/machines/{machine_id}.'
  static examples = ['<%= config.bin %> machines update mch_2abc --name billing --token-ttl 900']
  static args = {machine: idArg('mch', {required: true, description: 'machine id (mch_...)'})}
  static flags = {
    name: Flags.string({description: 'new name'}),
    'token-ttl': Flags.integer({min: 1, description: 'default lifetime of its M2M tokens, in seconds'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const m = await updateMachine(await this.client(), this.args.machine, {
      name: f.name,
      defaultTokenTtl: f['token-ttl'],
    })
    await printOne(m, {
      format: this.format,
      columns: machineColumns(this.format),
      defaults: MACHINE_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
