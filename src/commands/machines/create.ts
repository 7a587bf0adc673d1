import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {checkIds} from '../../lib/oclif/id-args.js'
import {printOne} from '../../lib/output/writer.js'
import {MACHINE_CREATED_DEFAULTS, createMachine, machineColumns} from '../../lib/resources/machines/machines.js'

export default class MachinesCreate extends ClerkCommand<typeof MachinesCreate> {
  static safety = 'write' as const
  static summary = 'Create a machine; its secret key is printed once, on stdout'
  static description =
    'Calls POST /v1/machines. The answer carries the secret key (ak_...), which the machine uses to mint M2M tokens: store it now. It is printed to stdout only, never logged.'
  static examples = [
    '<%= config.bin %> machines create --name billing-worker',
    '<%= config.bin %> machines create --name cron --scope mch_2abc --token-ttl 600 -o json',
  ]
  static flags = {
    name: Flags.string({required: true, description: 'machine name'}),
    scope: Flags.string({multiple: true, description: 'a machine it may reach, mch_... (repeatable)'}),
    'token-ttl': Flags.integer({min: 1, description: 'default lifetime of its M2M tokens, in seconds [default: 3600]'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const scopedMachines = checkIds('mch', f.scope ?? [])
    const m = await createMachine(await this.client(), {name: f.name, scopedMachines, defaultTokenTtl: f['token-ttl']})
    await printOne(m, {
      format: this.format,
      columns: machineColumns(this.format),
      defaults: MACHINE_CREATED_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
