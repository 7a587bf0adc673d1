import {Flags} from '@oclif/core'

import {bulkFlags} from '../../lib/oclif/bulk-flags.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {usageError} from '../../lib/util/errors.js'
import {checkRoleKey} from '../../lib/resources/invitations/invitations.js'
import {
  finishInvites,
  inviteEmails,
  orgInviteBody,
  orgSkipLists,
  pickOrgInvitations,
  resultColumns,
  sendInvites,
} from '../../lib/resources/invitations/send.js'
import {getOrg} from '../../lib/resources/orgs.js'
import {checkInstanceRole} from '../../lib/resources/roles.js'
import {optionalJsonObject} from '../../lib/resources/metadata.js'
import {printList} from '../../lib/output/writer.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class OrgsInvite extends ClerkCommand<typeof OrgsInvite> {
  static safety = 'write' as const
  static summary = 'Invite people to an organization: a few by --email, or thousands from a --file'
  static description = `Skips repeated addresses, existing members and people with a pending invitation (reported as skipped).
One address uses POST /v1/organizations/{id}/invitations; more go 10 per request to .../invitations/bulk.
Clerk allows 250 single and 50 bulk invitation requests per hour per instance.`

  static examples = [
    '<%= config.bin %> orgs invite acme --email ada@example.com',
    '<%= config.bin %> orgs invite acme --email a@x.com --email b@y.com --role org:admin --inviter user_2adm',
    '<%= config.bin %> orgs invite acme --file people.csv --report report.ndjson',
  ]

  static args = {org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'})}
  static flags = {
    email: Flags.string({char: 'e', multiple: true, description: 'address to invite (repeatable)'}),
    file: Flags.string({
      charAliases: ['f'],
      description: 'CSV (email[,role,...]) or JSONL of people to invite; - for stdin',
    }),
    role: Flags.string({default: 'org:member', description: 'role for everyone without a role column'}),
    inviter: Flags.string({description: 'user id of the admin sending the invitations'}),
    'redirect-url': Flags.string({description: 'where the invitation link lands'}),
    'public-metadata': Flags.string({description: 'JSON object put on each invitation (then on the membership)'}),
    'expires-in-days': Flags.integer({min: 1, max: 365, description: 'invitation lifetime [Clerk default: 30]'}),
    notify: Flags.boolean({
      allowNo: true,
      default: true,
      description: 'send the invitation email (--no-notify to only create the link)',
    }),
    'invite-limit': Flags.string({
      helpGroup: 'BULK',
      description: "bulk requests allowed, if your instance's limit differs from Clerk's published 50/1h",
    }),
    ...bulkFlags,
  }

  async run(): Promise<void> {
    const f = this.flags
    if (!f.email?.length && !f.file)
      throw usageError('nothing to send', 'pass --email ADDRESS (repeatable) or --file people.csv')
    if (f.email?.length && f.file) throw usageError('use --email or --file, not both')
    const defaults = {
      role: checkRoleKey(f.role),
      inviter: f.inviter,
      redirectUrl: f['redirect-url'],
      expiresInDays: f['expires-in-days'],
      publicMetadata: optionalJsonObject('public-metadata', f['public-metadata']),
      notify: f.notify,
    }
    const client = await this.client()
    await checkInstanceRole(client, defaults.role)
    const org = await getOrg(client, this.args.org)
    if (f.file) {
      const {inviteOrgFile} = await import('../../lib/resources/invitations/bulk.js')
      const {bulkExit} = await import('../../lib/bulk/runner.js')
      return bulkExit(
        await inviteOrgFile(
          {client, cfg: this.cfg, flags: {...f, file: f.file}, notify: (m) => this.note(m)},
          org,
          defaults,
        ),
      )
    }
    const skip = await orgSkipLists(client, org.id)
    const results = await inviteEmails(
      f.email!,
      (e) =>
        skip.members.has(e)
          ? 'already a member'
          : skip.pending.has(e)
            ? 'already invited (pending invitation)'
            : undefined,
      (rows) =>
        sendInvites(
          client,
          `/organizations/${org.id}/invitations`,
          rows.map((r) => orgInviteBody(r, defaults)),
          pickOrgInvitations,
        ),
    )
    await printList(results, {
      format: this.format,
      columns: resultColumns,
      defaults: Object.keys(resultColumns),
      select: this.selectedColumns,
    })
    finishInvites(results, (l) => this.note(l))
  }
}
