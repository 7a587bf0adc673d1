import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {jqFilterFlag, localFilter, userFilterFlags, userFilterFrom} from '../../lib/oclif/user-flags.js'
import {allUsers, countUsers} from '../../lib/resources/users/users.js'

export default class UsersCount extends ClerkCommand<typeof UsersCount> {
  static safety = 'read' as const
  static summary = 'Count users; takes the same filters as `users list`'
  static description =
    'Calls GET /v1/users/count once. With --filter (a jq expression BAPI cannot run), every user the server-side filters match is read (GET /v1/users, page by page) and counted locally.'
  static examples = [
    '<%= config.bin %> users count',
    '<%= config.bin %> users count --query example.com --banned',
    '<%= config.bin %> users count --created-after 2026-01-01 -o json',
    `<%= config.bin %> users count --filter '.public_metadata.plan == "trial"'`,
  ]

  static flags = {...userFilterFlags, ...jqFilterFlag}

  async run(): Promise<void> {
    const local = this.flags.filter === undefined ? undefined : await localFilter(this.flags.filter)
    const client = await this.client()
    let total: number
    if (local) {
      total = 0
      for await (const _ of local.rows(allUsers(client, userFilterFrom(this.flags), {pageSize: 500}))) total++
      this.note(local.summary())
    } else total = await countUsers(client, userFilterFrom(this.flags))
    const columns = {total_count: {header: 'TOTAL', get: (r: {total_count: number}) => r.total_count}}
    if (this.format === 'table') process.stdout.write(`${total}\n`)
    else
      await printOne(
        {object: 'total_count', total_count: total},
        {format: this.format, columns, defaults: ['total_count'], select: this.selectedColumns},
      )
  }
}
