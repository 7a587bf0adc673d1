import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {WAITLIST_DEFAULTS, inviteWaitlistEntry, waitlistColumns} from '../../lib/resources/waitlist.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class WaitlistInvite extends ClerkCommand<typeof WaitlistInvite> {
  static safety = 'write' as const
  static summary = 'Invite a waitlist entry (sends the invitation email)'
  static description = 'Calls POST /v1/waitlist_entries/{waitlist_entry_id}/invite.'
  static examples = [
    '<%= config.bin %> waitlist invite wle_2abc',
    '<%= config.bin %> waitlist invite wle_2abc --ignore-existing',
  ]
  static args = {id: idArg('wle', {required: true, description: 'waitlist entry id'})}
  static flags = {
    'ignore-existing': Flags.boolean({description: 'invite even if an invitation for the address exists'}),
  }

  async run(): Promise<void> {
    const e = await inviteWaitlistEntry(await this.client(), this.args.id, this.flags['ignore-existing'])
    await printOne(e, {
      format: this.format,
      columns: waitlistColumns(this.format),
      defaults: [...WAITLIST_DEFAULTS, 'invitation_id'],
      select: this.selectedColumns,
    })
  }
}
