import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {WAITLIST_DEFAULTS, rejectWaitlistEntry, waitlistColumns} from '../../lib/resources/waitlist.js'
import {yesFlag} from '../../lib/oclif/user-flags.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class WaitlistReject extends ClerkCommand<typeof WaitlistReject> {
  static safety = 'destructive' as const
  static summary = 'Reject a waitlist entry'
  static description =
    'Calls POST /v1/waitlist_entries/{waitlist_entry_id}/reject. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> waitlist reject wle_2abc --yes']
  static flags = {...yesFlag}
  static args = {id: idArg('wle', {required: true, description: 'waitlist entry id'})}

  async run(): Promise<void> {
    await this.confirm(`reject waitlist entry ${this.args.id}`, {typed: this.args.id, yes: this.flags.yes})
    const e = await rejectWaitlistEntry(await this.client(), this.args.id)
    await printOne(e, {
      format: this.format,
      columns: waitlistColumns(this.format),
      defaults: WAITLIST_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
