import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {
  INVITATION_DEFAULT_COLUMNS,
  INVITATION_STATUSES,
  allInvitations,
  checkStatus,
  invitationColumns,
} from '../../lib/resources/invitations/invitations.js'
import {printList} from '../../lib/output/writer.js'

export default class InvitationsList extends ClerkCommand<typeof InvitationsList> {
  static safety = 'read' as const
  static summary = 'List instance invitations (sign-up invitations)'
  static description = 'Calls GET /v1/invitations, page by page. Without --status Clerk leaves revoked invitations out.'
  static examples = [
    '<%= config.bin %> invitations list --status pending',
    '<%= config.bin %> invitations list --query @acme.com --all -o ndjson',
  ]

  static flags = {
    status: Flags.string({options: [...INVITATION_STATUSES], description: 'only invitations with this status'}),
    query: Flags.string({char: 'q', description: 'match part of the email address, or the id'}),
    'order-by': Flags.string({
      description: 'created_at, email_address or expires_at with +/- prefix',
      default: '-created_at',
    }),
    limit: Flags.integer({min: 1, description: 'invitations to show [default: 10]; with --all, the most to stream'}),
    offset: Flags.integer({min: 0, default: 0, description: 'skip this many'}),
    all: Flags.boolean({description: 'stream every invitation'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const rows = allInvitations(
      await this.client(),
      {status: checkStatus(f.status), query: f.query, order_by: f['order-by']},
      {pageSize: f.all ? 500 : Math.min(f.limit ?? 10, 500), offset: f.offset, max: f.all ? f.limit : (f.limit ?? 10)},
    )
    await printList(rows, {
      format: this.format,
      columns: invitationColumns(this.format),
      defaults: INVITATION_DEFAULT_COLUMNS,
      select: this.selectedColumns,
      page: f.all ? undefined : {limit: f.limit ?? 10, offset: f.offset ?? 0},
    })
  }
}
