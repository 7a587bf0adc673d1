import {Args} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {WAITLIST_DEFAULTS, rejectWaitlistEntry, waitlistColumns} from '../../lib/resources/waitlist.js'

export default class WaitlistReject extends ClerkCommand<typeof WaitlistReject> {
  static summary = 'Reject a waitlist entry'
  static description = 'Calls POST /v1/waitlist_entries/{waitlist_entry_id}/reject.'
  static examples = ['<%= config.bin %> waitlist reject wle_2abc']
  static args = {id: Args.string({required: true, description: 'waitlist entry id'})}

  async run(): Promise<void> {
    const e = await rejectWaitlistEntry(await this.client(), this.args.id)
    await printOne(e, {
      format: this.format,
      columns: waitlistColumns(this.format),
      defaults: WAITLIST_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
