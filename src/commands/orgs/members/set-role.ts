import {Args} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {memberColumns, setMemberRole} from '../../../lib/resources/orgs.js'
import {yesFlag} from '../../../lib/oclif/user-flags.js'
import {idArg} from '../../../lib/oclif/id-args.js'

export default class OrgsMembersSetRole extends ClerkCommand<typeof OrgsMembersSetRole> {
  static safety = 'destructive' as const
  static summary = "Change a member's role"
  static description =
    'Calls PATCH /v1/organizations/{id}/memberships/{user_id} (Clerk allows 10 updates per 10 s per membership). Asks first; --yes when there is no terminal.'
  static examples = [
    '<%= config.bin %> orgs members set-role acme user_2abc org:admin',
    '<%= config.bin %> orgs members set-role acme ada@example.com org:member',
  ]
  static args = {
    org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'}),
    user: idArg('user', {email: true, required: true, description: 'user id (user_...) or email address'}),
    role: Args.string({required: true, description: 'role key, e.g. org:admin'}),
  }

  static flags = {...yesFlag}

  async run(): Promise<void> {
    await this.confirm(`make ${this.args.user} ${this.args.role} in ${this.args.org}`, {
      typed: this.args.user,
      yes: this.flags.yes,
    })
    const m = await setMemberRole(await this.client(), this.args.org, this.args.user, this.args.role)
    this.note(`${m.public_user_data?.identifier ?? this.args.user} is now ${m.role} in ${m.organization.slug}`)
    const columns = memberColumns(this.format)
    await printOne(m, {format: this.format, columns, defaults: Object.keys(columns), select: this.selectedColumns})
  }
}
