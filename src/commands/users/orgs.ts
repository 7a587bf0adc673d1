import {Flags} from '@oclif/core'
import {idArg} from '../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printList} from '../../lib/output/writer.js'
import {userIdFor} from '../../lib/resources/orgs.js'
import {membershipColumns, userMemberships} from '../../lib/resources/users/security.js'

export default class UsersOrgs extends ClerkCommand<typeof UsersOrgs> {
  static safety = 'read' as const
  static summary = "A user's organizations and roles"
  static description = 'Calls GET /v1/users/{user_id}/organization_memberships page by page.'
  static examples = ['<%= config.bin %> users orgs user_2abc', '<%= config.bin %> users orgs ada@example.com -o json']
  static args = {user: idArg('user', {required: true, email: true, description: 'user id (user_...) or email address'})}
  static flags = {limit: Flags.integer({min: 1, description: 'show at most this many'})}

  async run(): Promise<void> {
    const client = await this.client()
    const rows = userMemberships(client, await userIdFor(client, this.args.user), {limit: this.flags.limit})
    await printList(rows, {
      format: this.format,
      columns: membershipColumns(this.format),
      defaults: ['org_id', 'org', 'role', 'created'],
      select: this.selectedColumns,
    })
  }
}
