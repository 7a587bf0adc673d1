import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {confirmRevoke, revokeSession, sessionColumns} from '../../lib/resources/sessions.js'
import {yesFlag} from '../../lib/oclif/user-flags.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class SessionsRevoke extends ClerkCommand<typeof SessionsRevoke> {
  static safety = 'destructive' as const
  static summary = 'Revoke a session: its user must sign in again (asks first; --yes without a terminal)'
  static description =
    'Calls POST /v1/sessions/{session_id}/revoke. At a terminal it asks first (with an sk_live_ key you type the session id).'
  static examples = [
    '<%= config.bin %> sessions revoke sess_2abc',
    '<%= config.bin %> sessions revoke sess_2abc --yes -o json',
  ]
  static args = {id: idArg('sess', {required: true, description: 'session id (sess_...)'})}
  static flags = {...yesFlag}

  async run(): Promise<void> {
    await confirmRevoke({interactive: this.cfg.interactive, yes: this.flags.yes}, this.args.id, () => this.client())
    const session = await revokeSession(await this.client(), this.args.id)
    const columns = sessionColumns(this.format)
    await printOne(session, {
      format: this.format,
      columns,
      defaults: Object.keys(columns),
      select: this.selectedColumns,
    })
  }
}
