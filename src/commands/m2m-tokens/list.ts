import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {limitFlag} from '../../lib/oclif/machine-flags.js'
import {printList} from '../../lib/output/writer.js'
import {M2M_LIST_DEFAULTS, listM2mTokens, m2mColumns} from '../../lib/resources/machines/m2m-tokens.js'
import {checkId} from '../../lib/util/ids.js'

export default class M2mTokensList extends ClerkCommand<typeof M2mTokensList> {
  static safety = 'read' as const
  static summary = "List a machine's M2M tokens"
  static description =
    'Calls GET /m2m_tokens page by page (opaque tokens only; the tokens themselves are never listed). Revoked and expired ones only when asked.'
  static examples = [
    '<%= config.bin %> m2m-tokens list --machine mch_2abc',
    '<%= config.bin %> m2m-tokens list --machine mch_2abc --revoked --expired -o json',
  ]
  static flags = {
    machine: Flags.string({required: true, description: 'the machine (mch_...)'}),
    revoked: Flags.boolean({description: 'include revoked tokens'}),
    expired: Flags.boolean({description: 'include expired tokens'}),
    ...limitFlag,
  }

  async run(): Promise<void> {
    const f = this.flags
    const machine = checkId('mch', f.machine, {name: '--machine'})
    const rows = listM2mTokens(await this.client(), {machine, revoked: f.revoked, expired: f.expired, limit: f.limit})
    await printList(rows, {
      format: this.format,
      columns: m2mColumns(this.format),
      defaults: M2M_LIST_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
