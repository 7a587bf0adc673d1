import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printList} from '../../../lib/output/writer.js'
import {MEMBER_DEFAULT_COLUMNS, allMembers, memberColumns, orgId} from '../../../lib/resources/orgs.js'
import {idArg} from '../../../lib/oclif/id-args.js'

export default class OrgsMembersList extends ClerkCommand<typeof OrgsMembersList> {
  static safety = 'read' as const
  static summary = 'List the members of an organization'
  static description =
    'Calls GET /v1/organizations/{id}/memberships, page by page ({data, total_count}); a slug costs one lookup first.'
  static examples = [
    '<%= config.bin %> orgs members list acme',
    '<%= config.bin %> orgs members list org_2abc --role org:admin -o json',
    '<%= config.bin %> orgs members list acme --all -o csv --columns user_id,identifier,role > members.csv',
  ]

  static args = {org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'})}
  static flags = {
    role: Flags.string({multiple: true, description: 'only members with this role (repeatable)'}),
    email: Flags.string({multiple: true, description: 'only members with this email address (repeatable)'}),
    query: Flags.string({char: 'q', description: 'search names, emails, usernames and user ids'}),
    'order-by': Flags.string({
      description: 'created_at, email_address, first_name, last_name or username with +/- prefix',
      default: '-created_at',
    }),
    limit: Flags.integer({min: 1, description: 'members to show [default: 10]; with --all, the most to stream'}),
    offset: Flags.integer({min: 0, default: 0, description: 'skip this many members'}),
    all: Flags.boolean({description: 'stream every member'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const client = await this.client()
    const org = await orgId(client, this.args.org)
    const filter = {role: f.role, email_address: f.email, query: f.query, order_by: f['order-by']}
    const rows = allMembers(client, org, filter, {
      pageSize: f.all ? 500 : Math.min(f.limit ?? 10, 500),
      offset: f.offset,
      max: f.all ? f.limit : (f.limit ?? 10),
    })
    await printList(rows, {
      format: this.format,
      columns: memberColumns(this.format),
      defaults: MEMBER_DEFAULT_COLUMNS,
      select: this.selectedColumns,
      page: f.all ? undefined : {limit: f.limit ?? 10, offset: f.offset ?? 0},
    })
  }
}
