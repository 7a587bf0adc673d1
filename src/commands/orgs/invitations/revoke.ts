import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {
  ORG_INVITATION_DEFAULT_COLUMNS,
  orgInvitationColumns,
  revokeOrgInvitation,
} from '../../../lib/resources/invitations/invitations.js'
import {orgId} from '../../../lib/resources/orgs.js'
import {printList} from '../../../lib/output/writer.js'
import {yesFlag} from '../../../lib/oclif/user-flags.js'
import {checkIds, idArg} from '../../../lib/oclif/id-args.js'

export default class OrgsInvitationsRevoke extends ClerkCommand<typeof OrgsInvitationsRevoke> {
  static safety = 'destructive' as const
  static summary = 'Revoke pending organization invitations'
  static description =
    'Calls POST /v1/organizations/{id}/invitations/{invitation_id}/revoke for each id. Only pending invitations can be revoked. Asks first; --yes when there is no terminal.'
  static examples = [
    '<%= config.bin %> orgs invitations revoke acme orginv_2abc',
    '<%= config.bin %> orgs invitations revoke acme orginv_2abc orginv_2def --requesting-user user_2adm',
  ]

  static strict = false
  static args = {
    org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'}),
    id: idArg('orginv', {required: true, description: 'invitation id(s) (orginv_...)'}),
  }

  static flags = {
    'requesting-user': Flags.string({description: 'user id of the admin revoking (recorded by Clerk)'}),
    ...yesFlag,
  }

  async run(): Promise<void> {
    const {argv} = await this.parse({
      args: OrgsInvitationsRevoke.args,
      flags: {...ClerkCommand.baseFlags, ...OrgsInvitationsRevoke.flags},
      strict: false,
    })
    const ids = checkIds('orginv', (argv as string[]).slice(1))
    await this.confirm(
      `revoke ${ids.length === 1 ? 'invitation' : `${ids.length} invitations`} ${ids.join(', ')} of ${this.args.org}`,
      {
        typed: ids.length === 1 ? ids[0] : String(ids.length),
        yes: this.flags.yes,
      },
    )
    const client = await this.client()
    const org = await orgId(client, this.args.org)
    const done = []
    for (const id of ids) done.push(await revokeOrgInvitation(client, org, id, this.flags['requesting-user']))
    this.note(`revoked ${done.length} invitation${done.length === 1 ? '' : 's'}`)
    await printList(done, {
      format: this.format,
      columns: orgInvitationColumns(this.format),
      defaults: ORG_INVITATION_DEFAULT_COLUMNS,
      select: this.selectedColumns,
    })
  }
}
