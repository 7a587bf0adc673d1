import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {printOne} from '../../lib/output/writer.js'
import {MACHINE_DEFAULTS, getMachine, machineColumns} from '../../lib/resources/machines/machines.js'

export default class MachinesGet extends ClerkCommand<typeof MachinesGet> {
  static safety = 'read' as const
  static summary = 'Show a machine and the machines it may reach'
  static description =
    'Calls GET /v1/machines/{machine_id}. The secret key is not shown (rotate-secret makes a new one).'
  static examples = ['<%= config.bin %> machines get mch_2abc']
  static args = {machine: idArg('mch', {required: true, description: 'machine id (mch_...)'})}

  async run(): Promise<void> {
    await printOne(await getMachine(await this.client(), this.args.machine), {
      format: this.format,
      columns: machineColumns(this.format),
      defaults: MACHINE_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
