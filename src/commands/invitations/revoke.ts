import {Flags} from '@oclif/core'

import {bulkFlags, bulkRunOptions} from '../../lib/oclif/bulk-flags.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {
  INVITATION_DEFAULT_COLUMNS,
  invitationColumns,
  revokeInvitation,
} from '../../lib/resources/invitations/invitations.js'
import {usageError} from '../../lib/util/errors.js'
import {printList} from '../../lib/output/writer.js'
import {checkIds, idArg} from '../../lib/oclif/id-args.js'

export default class InvitationsRevoke extends ClerkCommand<typeof InvitationsRevoke> {
  static safety = 'destructive' as const
  static summary = 'Revoke instance invitations by id, or every id in a file'
  static description =
    'Calls POST /v1/invitations/{id}/revoke for each invitation. With --file, runs as a bulk job (journal, resume, report). Asks first; --yes when there is no terminal.'
  static examples = [
    '<%= config.bin %> invitations revoke inv_2abc inv_2def --yes',
    '<%= config.bin %> invitations revoke --file ids.txt --yes',
  ]

  static strict = false
  static args = {id: idArg('inv', {description: 'invitation id(s) (inv_...)'})}
  static flags = {
    file: Flags.string({
      charAliases: ['f'],
      description: 'a file of invitation ids: one per line (.txt), or CSV/JSONL with an id column; - for stdin',
    }),
    ...bulkFlags,
  }

  async run(): Promise<void> {
    const {argv} = await this.parse({
      args: InvitationsRevoke.args,
      flags: {...ClerkCommand.baseFlags, ...InvitationsRevoke.flags},
      strict: false,
    })
    const ids = checkIds('inv', argv as string[])
    if (ids.length === 0 && !this.flags.file)
      throw usageError('give invitation ids, or --file', 'e.g. clerk invitations revoke inv_2abc')
    const client = await this.client()
    if (this.flags.file) {
      const [{runBulk, bulkExit}, {revokeInvitationsJob}] = await Promise.all([
        import('../../lib/bulk/runner.js'),
        import('../../lib/resources/invitations/bulk.js'),
      ])
      return bulkExit(
        await runBulk(revokeInvitationsJob(client), {
          ...bulkRunOptions(this.flags, this.cfg, client, (m) => this.note(m)),
          input: this.flags.file,
        }),
      )
    }
    await this.confirm(`revoke ${ids.length === 1 ? 'invitation' : `${ids.length} invitations`} ${ids.join(', ')}`, {
      typed: ids.length === 1 ? ids[0] : String(ids.length),
      yes: this.flags.yes,
    })
    const done = []
    for (const id of ids) done.push(await revokeInvitation(client, id))
    this.note(`revoked ${done.length} invitation${done.length === 1 ? '' : 's'}`)
    await printList(done, {
      format: this.format,
      columns: invitationColumns(this.format),
      defaults: INVITATION_DEFAULT_COLUMNS,
      select: this.selectedColumns,
    })
  }
}
