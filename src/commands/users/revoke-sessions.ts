import {ClerkCommand} from '../../lib/oclif/command.js'
import {printList} from '../../lib/output/writer.js'
import {SESSION_DEFAULT_COLUMNS, sessionColumns} from '../../lib/resources/sessions.js'
import {revokeUserSessions} from '../../lib/resources/users/actions.js'
import {userRefArgs, userRefFlags, yesFlag} from '../../lib/oclif/user-flags.js'

export default class UsersRevokeSessions extends ClerkCommand<typeof UsersRevokeSessions> {
  static safety = 'destructive' as const
  static summary = 'Sign a user out everywhere: revoke all their active sessions (asks first; --yes without a terminal)'
  static description =
    'Calls GET /v1/sessions?user_id=...&status=active, then POST /v1/sessions/{session_id}/revoke for each. Prints the revoked sessions.'
  static examples = [
    '<%= config.bin %> users revoke-sessions user_2abc',
    '<%= config.bin %> users revoke-sessions --email ada@example.com --yes',
    '<%= config.bin %> users revoke-sessions user_2abc --yes -o json',
  ]

  static args = userRefArgs
  static flags = {...userRefFlags, ...yesFlag}

  async run(): Promise<void> {
    const ctx = {interactive: this.cfg.interactive, yes: this.flags.yes}
    const ref = {id: this.args.id, email: this.flags.email, externalId: this.flags['external-id']}
    const {target, revoked} = await revokeUserSessions(await this.client(), ref, ctx)
    if (revoked.length === 0) this.note(`${target.id} has no active sessions; nothing to revoke`)
    else
      await printList(revoked, {
        format: this.format,
        columns: sessionColumns(this.format),
        defaults: SESSION_DEFAULT_COLUMNS,
        select: this.selectedColumns,
      })
  }
}
