import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {usageError} from '../../lib/util/errors.js'
import {printList} from '../../lib/output/writer.js'
import {
  SESSION_DEFAULT_COLUMNS,
  SESSION_STATUSES,
  allSessions,
  listSessionsPage,
  sessionColumns,
} from '../../lib/resources/sessions.js'
import {userIdOrEmail} from '../../lib/resources/users/actions.js'

export default class SessionsList extends ClerkCommand<typeof SessionsList> {
  static safety = 'read' as const
  static summary = "List a user's or a client's sessions, newest first"
  static description = 'Calls GET /v1/sessions (one request per page). BAPI asks for --user or --client.'
  static examples = [
    '<%= config.bin %> sessions list --user user_2abc',
    '<%= config.bin %> sessions list --user user_2abc --status active -o json',
    '<%= config.bin %> sessions list --client client_2xyz --all -o ndjson',
  ]

  static flags = {
    user: Flags.string({description: 'sessions of this user: a user id or an email address'}),
    client: Flags.string({description: 'sessions of this client id'}),
    status: Flags.string({options: [...SESSION_STATUSES], description: 'only sessions with this status'}),
    limit: Flags.integer({
      min: 1,
      description: 'sessions to show (one page, at most 500) [default: 10]; with --all, the most to stream',
    }),
    offset: Flags.integer({min: 0, default: 0, description: 'skip this many sessions'}),
    all: Flags.boolean({description: 'every matching session, page by page'}),
    'page-size': Flags.integer({min: 1, max: 500, default: 500, description: 'page size for --all'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    if (!f.user && !f.client)
      throw usageError('missing --user or --client', 'BAPI lists sessions of one user or one client')
    if (!f.all && f.limit !== undefined && f.limit > 500)
      throw usageError('--limit is at most 500 for one page', 'use --all to stream more')
    const client = await this.client()
    const filter = {user_id: f.user && (await userIdOrEmail(client, f.user)), client_id: f.client, status: f.status}
    const rows = f.all
      ? allSessions(client, filter, {pageSize: f['page-size'], offset: f.offset, max: f.limit})
      : await listSessionsPage(client, filter, f.offset, f.limit ?? 10)
    await printList(rows, {
      format: this.format,
      columns: sessionColumns(this.format),
      defaults: SESSION_DEFAULT_COLUMNS,
      select: this.selectedColumns,
      page: f.all ? undefined : {limit: f.limit ?? 10, offset: f.offset ?? 0},
    })
  }
}
