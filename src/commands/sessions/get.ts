import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {getSession, sessionColumns} from '../../lib/resources/sessions.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class SessionsGet extends ClerkCommand<typeof SessionsGet> {
  static safety = 'read' as const
  static summary = 'Show one session'
  static description = 'Calls GET /v1/sessions/{session_id}.'
  static examples = ['<%= config.bin %> sessions get sess_2abc', '<%= config.bin %> sessions get sess_2abc -o json']
  static args = {id: idArg('sess', {required: true, description: 'session id (sess_...)'})}

  async run(): Promise<void> {
    const session = await getSession(await this.client(), this.args.id)
    const columns = sessionColumns(this.format)
    await printOne(session, {
      format: this.format,
      columns,
      defaults: Object.keys(columns),
      select: this.selectedColumns,
    })
  }
}
