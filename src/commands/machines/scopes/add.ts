import {ClerkCommand} from '../../../lib/oclif/command.js'
import {idArg} from '../../../lib/oclif/id-args.js'
import {printOne} from '../../../lib/output/writer.js'
import {addMachineScope, scopeColumns} from '../../../lib/resources/machines/machines.js'

export default class MachinesScopesAdd extends ClerkCommand<typeof MachinesScopesAdd> {
  static safety = 'write' as const
  static summary = 'Let a machine reach another one (its M2M tokens carry that machine in their scopes)'
  static description = 'Calls POST /v1/machines/{machine_id}/scopes. A scope that exists already is exit 1 (HTTP 409).'
  static examples = ['<%= config.bin %> machines scopes add mch_worker mch_billing']
  static args = {
    machine: idArg('mch', {required: true, description: 'the machine that gets access (mch_...)'}),
    to: idArg('mch', {required: true, description: 'the machine it may reach (mch_...)'}),
  }

  async run(): Promise<void> {
    await printOne(await addMachineScope(await this.client(), this.args.machine, this.args.to), {
      format: this.format,
      columns: scopeColumns(this.format),
      defaults: ['from_machine_id', 'to_machine_id', 'created'],
      select: this.selectedColumns,
    })
  }
}
