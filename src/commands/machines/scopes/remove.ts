import {ClerkCommand} from '../../../lib/oclif/command.js'
import {idArg} from '../../../lib/oclif/id-args.js'
import {destructiveFlags} from '../../../lib/oclif/machine-flags.js'
import {printOne} from '../../../lib/output/writer.js'
import {removeMachineScope, scopeColumns} from '../../../lib/resources/machines/machines.js'

export default class MachinesScopesRemove extends ClerkCommand<typeof MachinesScopesRemove> {
  static safety = 'destructive' as const
  static summary = 'Stop a machine from reaching another one'
  static description =
    'Calls DELETE /v1/machines/{machine_id}/scopes/{other_machine_id}. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> machines scopes remove mch_worker mch_billing --yes']
  static args = {
    machine: idArg('mch', {required: true, description: 'the machine that has access (mch_...)'}),
    to: idArg('mch', {required: true, description: 'the machine it may reach now (mch_...)'}),
  }
  static flags = destructiveFlags

  async run(): Promise<void> {
    const {machine, to} = this.args
    await this.confirm(`stop machine ${machine} from reaching ${to}`, {
      typed: machine,
      yes: this.flags.yes || this.flags['dry-run'],
    })
    await printOne(await removeMachineScope(await this.client(), machine, to), {
      format: this.format,
      columns: scopeColumns(this.format),
      defaults: ['from_machine_id', 'to_machine_id', 'deleted'],
      select: this.selectedColumns,
    })
  }
}
