import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {destructiveFlags} from '../../lib/oclif/machine-flags.js'
import {printOne} from '../../lib/output/writer.js'
import {rotateMachineSecret} from '../../lib/resources/machines/machines.js'
import {simpleColumns} from '../../lib/resources/rows.js'

export default class MachinesRotateSecret extends ClerkCommand<typeof MachinesRotateSecret> {
  static safety = 'destructive' as const
  static summary = 'Give a machine a new secret key (printed once, on stdout); the old one stops working'
  static description =
    'Calls POST /v1/machines/{machine_id}/secret_key/rotate. The old key keeps working for --grace seconds (default 0: at once). Asks first; --yes when there is no terminal.'
  static examples = [
    '<%= config.bin %> machines rotate-secret mch_2abc --yes',
    '<%= config.bin %> machines rotate-secret mch_2abc --grace 3600 --yes -o json',
  ]
  static args = {machine: idArg('mch', {required: true, description: 'machine id (mch_...)'})}
  static flags = {
    ...destructiveFlags,
    grace: Flags.integer({
      min: 0,
      max: 28_800,
      default: 0,
      description: 'seconds the old key keeps working (at most 8 hours)',
    }),
  }

  async run(): Promise<void> {
    const id = this.args.machine
    const when = this.flags.grace ? `in ${this.flags.grace} s` : 'at once'
    await this.confirm(`rotate the secret key of machine ${id} (the old key stops working ${when})`, {
      typed: id,
      yes: this.flags.yes || this.flags['dry-run'],
    })
    const key = await rotateMachineSecret(await this.client(), id, this.flags.grace)
    await printOne(key, {
      format: this.format,
      columns: simpleColumns(this.format, [['secret', 'SECRET KEY']]),
      defaults: ['secret'],
      select: this.selectedColumns,
    })
  }
}
