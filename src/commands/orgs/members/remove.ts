import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {memberColumns, removeMember} from '../../../lib/resources/orgs.js'
import {idArg} from '../../../lib/oclif/id-args.js'

export default class OrgsMembersRemove extends ClerkCommand<typeof OrgsMembersRemove> {
  static safety = 'destructive' as const
  static summary = 'Remove a member from an organization'
  static description =
    'Calls DELETE /v1/organizations/{id}/memberships/{user_id}. Asks first at a terminal; needs --yes otherwise.'
  static examples = [
    '<%= config.bin %> orgs members remove acme user_2abc --yes',
    '<%= config.bin %> orgs members remove acme ada@example.com',
  ]
  static args = {
    org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'}),
    user: idArg('user', {email: true, required: true, description: 'user id (user_...) or email address'}),
  }

  static flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<void> {
    const {org, user} = this.args
    await this.confirm(`remove ${user} from ${org}`, {typed: user, yes: this.flags.yes})
    const m = await removeMember(await this.client(), org, user)
    this.note(`removed ${m.public_user_data?.identifier ?? user} from ${m.organization.slug}`)
    const columns = memberColumns(this.format)
    if (this.format !== 'table')
      await printOne(m, {format: this.format, columns, defaults: Object.keys(columns), select: this.selectedColumns})
  }
}
