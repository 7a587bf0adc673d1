import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {
  ORG_INVITATION_DEFAULT_COLUMNS,
  allOrgInvitations,
  checkStatus,
  INVITATION_STATUSES,
  orgInvitationColumns,
} from '../../../lib/resources/invitations/invitations.js'
import {orgId} from '../../../lib/resources/orgs.js'
import {printList} from '../../../lib/output/writer.js'
import {idArg} from '../../../lib/oclif/id-args.js'

export default class OrgsInvitationsList extends ClerkCommand<typeof OrgsInvitationsList> {
  static safety = 'read' as const
  static summary = "List an organization's invitations"
  static description = 'Calls GET /v1/organizations/{id}/invitations, page by page ({data, total_count}).'
  static examples = [
    '<%= config.bin %> orgs invitations list acme --status pending',
    '<%= config.bin %> orgs invitations list org_2abc --all -o csv > invitations.csv',
  ]

  static args = {org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'})}
  static flags = {
    status: Flags.string({options: [...INVITATION_STATUSES], description: 'only invitations with this status'}),
    email: Flags.string({description: 'only invitations to this address'}),
    'order-by': Flags.string({description: 'created_at or email_address with +/- prefix', default: '-created_at'}),
    limit: Flags.integer({min: 1, description: 'invitations to show [default: 10]; with --all, the most to stream'}),
    offset: Flags.integer({min: 0, default: 0, description: 'skip this many'}),
    all: Flags.boolean({description: 'stream every invitation'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const client = await this.client()
    const org = await orgId(client, this.args.org)
    const rows = allOrgInvitations(
      client,
      org,
      {status: checkStatus(f.status), email_address: f.email, order_by: f['order-by']},
      {pageSize: f.all ? 500 : Math.min(f.limit ?? 10, 500), offset: f.offset, max: f.all ? f.limit : (f.limit ?? 10)},
    )
    await printList(rows, {
      format: this.format,
      columns: orgInvitationColumns(this.format),
      defaults: ORG_INVITATION_DEFAULT_COLUMNS,
      select: this.selectedColumns,
      page: f.all ? undefined : {limit: f.limit ?? 10, offset: f.offset ?? 0},
    })
  }
}
