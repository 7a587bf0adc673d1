import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printList} from '../../../lib/output/writer.js'
import {MEMBERSHIP_DEFAULTS, allMemberships, membershipColumns} from '../../../lib/resources/users/security.js'

export default class OrgsMembershipsList extends ClerkCommand<typeof OrgsMembershipsList> {
  static safety = 'read' as const
  static summary = 'Every organization membership of the instance, filterable by user, role and organization'
  static description =
    'Calls GET /v1/organization_memberships page by page; --user, --role and --org filter the pages here (BAPI takes only order_by).'
  static examples = [
    '<%= config.bin %> orgs memberships list --role org:admin',
    '<%= config.bin %> orgs memberships list --user user_2abc -o csv',
  ]
  static flags = {
    user: Flags.string({multiple: true, description: 'only this user id (repeatable)'}),
    role: Flags.string({multiple: true, description: 'only this role key (repeatable)'}),
    org: Flags.string({multiple: true, description: 'only this organization id or slug (repeatable)'}),
    'order-by': Flags.string({description: 'created_at, prefixed + or - [default: -created_at]'}),
    limit: Flags.integer({min: 1, description: 'show at most this many'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const rows = allMemberships(await this.client(), {
      user: f.user,
      role: f.role,
      org: f.org,
      orderBy: f['order-by'],
      limit: f.limit,
    })
    await printList(rows, {
      format: this.format,
      columns: membershipColumns(this.format),
      defaults: MEMBERSHIP_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
