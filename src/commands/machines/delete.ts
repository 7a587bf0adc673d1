import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {destructiveFlags} from '../../lib/oclif/machine-flags.js'
import {deleteMachine} from '../../lib/resources/machines/machines.js'
import {printDeleted} from '../../lib/resources/rows.js'

export default class MachinesDelete extends ClerkCommand<typeof MachinesDelete> {
  static safety = 'destructive' as const
  static summary = 'Delete a machine'
  static description =
    'Calls DELETE /v1/machines/{machine_id}. Its secret key and M2M tokens stop working. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> machines delete mch_2abc --yes']
  static args = {machine: idArg('mch', {required: true, description: 'machine id (mch_...)'})}
  static flags = destructiveFlags

  async run(): Promise<void> {
    const id = this.args.machine
    await this.confirm(`delete machine ${id}`, {typed: id, yes: this.flags.yes || this.flags['dry-run']})
    await printDeleted(await deleteMachine(await this.client(), id), this.format)
  }
}
