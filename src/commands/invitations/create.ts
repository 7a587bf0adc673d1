import {Flags} from '@oclif/core'

import {bulkFlags} from '../../lib/oclif/bulk-flags.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {usageError} from '../../lib/util/errors.js'
import {
  finishInvites,
  instanceInviteBody,
  instanceSkipLists,
  inviteEmails,
  pickInvitations,
  resultColumns,
  sendInvites,
} from '../../lib/resources/invitations/send.js'
import {optionalJsonObject} from '../../lib/resources/metadata.js'
import {printList} from '../../lib/output/writer.js'

export default class InvitationsCreate extends ClerkCommand<typeof InvitationsCreate> {
  static safety = 'write' as const
  static summary = 'Invite people to sign up: a few by --email, or many from a --file'
  static description = `Skips repeated addresses, people who already have an account and (unless --ignore-existing) pending invitees.
One address uses POST /v1/invitations; more go 10 per request to /v1/invitations/bulk.
Clerk allows 100 single and 25 bulk invitation requests per hour per instance.`

  static examples = [
    '<%= config.bin %> invitations create --email ada@example.com --expires-in-days 7',
    '<%= config.bin %> invitations create --email a@x.com --email b@y.com --no-notify -o json',
    '<%= config.bin %> invitations create --file beta-testers.csv --redirect-url https://app.example.com/welcome',
  ]

  static flags = {
    email: Flags.string({char: 'e', multiple: true, description: 'address to invite (repeatable)'}),
    file: Flags.string({
      charAliases: ['f'],
      description: 'CSV (email[,public_metadata,...]) or JSONL of people to invite; - for stdin',
    }),
    notify: Flags.boolean({
      allowNo: true,
      default: true,
      description: 'send the invitation email (--no-notify to only create the link)',
    }),
    'ignore-existing': Flags.boolean({description: 'invite again even when a pending invitation exists'}),
    'expires-in-days': Flags.integer({min: 1, max: 365, description: 'invitation lifetime [Clerk default: 30]'}),
    'redirect-url': Flags.string({description: 'where the invitation link lands'}),
    'public-metadata': Flags.string({description: "JSON object; becomes the user's public metadata on sign-up"}),
    'invite-limit': Flags.string({
      helpGroup: 'BULK',
      description: "bulk requests allowed, if your instance's limit differs from Clerk's published 25/1h",
    }),
    ...bulkFlags,
  }

  async run(): Promise<void> {
    const f = this.flags
    if (!f.email?.length && !f.file)
      throw usageError('nothing to send', 'pass --email ADDRESS (repeatable) or --file people.csv')
    if (f.email?.length && f.file) throw usageError('use --email or --file, not both')
    const defaults = {
      notify: f.notify,
      ignoreExisting: f['ignore-existing'],
      expiresInDays: f['expires-in-days'],
      redirectUrl: f['redirect-url'],
      publicMetadata: optionalJsonObject('public-metadata', f['public-metadata']),
    }
    const client = await this.client()
    if (f.file) {
      const {inviteInstanceFile} = await import('../../lib/resources/invitations/bulk.js')
      const {bulkExit} = await import('../../lib/bulk/runner.js')
      return bulkExit(
        await inviteInstanceFile(
          {client, cfg: this.cfg, flags: {...f, file: f.file}, notify: (m) => this.note(m)},
          defaults,
        ),
      )
    }
    const skip = await instanceSkipLists(
      client,
      f.email!.map((e) => e.trim().toLowerCase()),
    )
    const results = await inviteEmails(
      f.email!,
      (e) =>
        skip.users.has(e)
          ? 'already a user'
          : skip.pending.has(e) && !f['ignore-existing']
            ? 'already invited (pending invitation)'
            : undefined,
      (rows) =>
        sendInvites(
          client,
          '/invitations',
          rows.map((r) => instanceInviteBody(r, defaults)),
          pickInvitations,
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
