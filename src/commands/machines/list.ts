import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {limitFlag} from '../../lib/oclif/machine-flags.js'
import {printList} from '../../lib/output/writer.js'
import {MACHINE_LIST_DEFAULTS, listMachines, machineColumns} from '../../lib/resources/machines/machines.js'

export default class MachinesList extends ClerkCommand<typeof MachinesList> {
  static safety = 'read' as const
  static summary = "List the instance's machines"
  static description = 'Calls GET /v1/machines page by page (newest first).'
  static examples = ['<%= config.bin %> machines list', '<%= config.bin %> machines list --query billing -o json']
  static flags = {
    query: Flags.string({char: 'q', description: 'a machine id, or part of a name'}),
    'order-by': Flags.string({description: 'name or created_at, prefixed + or - [default: -created_at]'}),
    ...limitFlag,
  }

  async run(): Promise<void> {
    const f = this.flags
    const rows = listMachines(await this.client(), {query: f.query, orderBy: f['order-by'], limit: f.limit})
    await printList(rows, {
      format: this.format,
      columns: machineColumns(this.format),
      defaults: MACHINE_LIST_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
