import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printList} from '../../lib/output/writer.js'
import {WAITLIST_DEFAULTS, WAITLIST_STATUSES, listWaitlist, waitlistColumns} from '../../lib/resources/waitlist.js'

export default class WaitlistList extends ClerkCommand<typeof WaitlistList> {
  static safety = 'read' as const
  static summary = 'List waitlist entries (every page), filtered by status or text'
  static description = 'Calls GET /v1/waitlist_entries page by page.'
  static examples = [
    '<%= config.bin %> waitlist list --status pending',
    '<%= config.bin %> waitlist list --query example.com --order-by +created_at -o csv > waitlist.csv',
  ]
  static flags = {
    status: Flags.string({options: [...WAITLIST_STATUSES], description: 'only entries with this status'}),
    query: Flags.string({description: 'only entries whose email address or id contains this'}),
    'order-by': Flags.string({
      description: 'created_at, email_address or invited_at with +/- prefix [default: -created_at]',
    }),
    limit: Flags.integer({min: 1, description: 'show at most this many'}),
    offset: Flags.integer({min: 0, description: 'skip this many'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const rows = listWaitlist(
      await this.client(),
      {status: f.status, query: f.query, order_by: f['order-by']},
      {limit: f.limit, offset: f.offset},
    )
    await printList(rows, {
      format: this.format,
      columns: waitlistColumns(this.format),
      defaults: WAITLIST_DEFAULTS,
      select: this.selectedColumns,
      page: f.limit ? {limit: f.limit, offset: f.offset ?? 0} : undefined,
    })
  }
}
