import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printList} from '../../lib/output/writer.js'
import {SESSION_DEFAULT_COLUMNS, SESSION_STATUSES, allSessions, sessionColumns} from '../../lib/resources/sessions.js'
import {resolveUser} from '../../lib/resources/users/actions.js'
import {userRefArgs, userRefFlags} from '../../lib/oclif/user-flags.js'

export default class UsersSessions extends ClerkCommand<typeof UsersSessions> {
  static safety = 'read' as const
  static summary = "List a user's sessions, newest first"
  static description = 'Calls GET /v1/sessions?user_id=... page by page (every page; --status narrows it).'
  static examples = [
    '<%= config.bin %> users sessions user_2abc',
    '<%= config.bin %> users sessions --email ada@example.com --status active',
    '<%= config.bin %> users sessions user_2abc -o ndjson',
  ]

  static args = userRefArgs
  static flags = {
    ...userRefFlags,
    status: Flags.string({options: [...SESSION_STATUSES], description: 'only sessions with this status'}),
  }

  async run(): Promise<void> {
    const client = await this.client()
    const ref = {id: this.args.id, email: this.flags.email, externalId: this.flags['external-id']}
    const target = await resolveUser(client, ref, {interactive: this.cfg.interactive})
    const rows = allSessions(client, {user_id: target.id, status: this.flags.status}, {pageSize: 500})
    await printList(rows, {
      format: this.format,
      columns: sessionColumns(this.format),
      defaults: SESSION_DEFAULT_COLUMNS,
      select: this.selectedColumns,
    })
  }
}
