import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {usageError} from '../../lib/util/errors.js'
import {printList} from '../../lib/output/writer.js'
import {jqFilterFlag, localFilter, userFilterFlags, userFilterFrom} from '../../lib/oclif/user-flags.js'
import {
  USER_DEFAULT_COLUMNS,
  type UserFilter,
  allUsers,
  listUsersPage,
  userColumns,
} from '../../lib/resources/users/users.js'

export default class UsersList extends ClerkCommand<typeof UsersList> {
  static safety = 'read' as const
  static summary = 'List users, filtered and ordered; --all streams every page'
  static description = 'Calls GET /v1/users (one request per page) and, with --all, GET /v1/users/count once.'
  static examples = [
    '<%= config.bin %> users list',
    '<%= config.bin %> users list --query alice --order-by -last_sign_in_at',
    '<%= config.bin %> users list --email a@example.com --email b@example.com -o json',
    '<%= config.bin %> users list --banned --created-after 2026-01-01',
    '<%= config.bin %> users list --all -o ndjson > users.ndjson',
    '<%= config.bin %> users list --all -o csv --columns id,email,created > users.csv',
    `<%= config.bin %> users list --all --filter '.public_metadata.plan == "pro"' --jq '.email_addresses[0].email_address' -r`,
  ]

  static flags = {
    ...userFilterFlags,
    ...jqFilterFlag,
    'order-by': Flags.string({
      description: 'sort field with +/- prefix, e.g. -created_at, +email_address',
      default: '-created_at',
    }),
    limit: Flags.integer({
      min: 1,
      description: 'users to show (one page, at most 500) [default: 10]; with --all, the most to stream',
    }),
    offset: Flags.integer({min: 0, default: 0, description: 'skip this many users'}),
    all: Flags.boolean({description: 'stream every matching user, page by page'}),
    'page-size': Flags.integer({min: 1, max: 500, default: 500, description: 'page size for --all'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    if (!f.all && f.limit !== undefined && f.limit > 500)
      throw usageError('--limit is at most 500 for one page', 'use --all to stream more')
    const filter: UserFilter = {...userFilterFrom(f), order_by: f['order-by']}
    const local = f.filter === undefined ? undefined : await localFilter(f.filter)
    const client = await this.client()
    const rows = f.all
      ? allUsers(client, filter, {pageSize: f['page-size'], offset: f.offset, max: f.limit})
      : await listUsersPage(client, filter, f.offset, f.limit ?? 10)
    await printList(local ? local.rows(rows) : rows, {
      format: this.format,
      columns: userColumns(this.format),
      defaults: USER_DEFAULT_COLUMNS,
      select: this.selectedColumns,
      page: f.all ? undefined : {limit: f.limit ?? 10, offset: f.offset ?? 0},
    })
    if (local) this.note(local.summary())
  }
}
