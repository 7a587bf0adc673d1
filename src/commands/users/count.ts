import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {userFilterFlags, userFilterFrom} from '../../lib/oclif/user-flags.js'
import {countUsers} from '../../lib/resources/users/users.js'

export default class UsersCount extends ClerkCommand<typeof UsersCount> {
  static safety = 'read' as const
  static summary = 'Count users; takes the same filters as `users list`'
  static description = 'Calls GET /v1/users/count once.'
  static examples = [
    '<%= config.bin %> users count',
    '<%= config.bin %> users count --query example.com --banned',
    '<%= config.bin %> users count --created-after 2026-01-01 -o json',
  ]

  static flags = {...userFilterFlags}

  async run(): Promise<void> {
    const client = await this.client()
    const total = await countUsers(client, userFilterFrom(this.flags))
    const columns = {total_count: {header: 'TOTAL', get: (r: {total_count: number}) => r.total_count}}
    if (this.format === 'table') process.stdout.write(`${total}\n`)
    else
      await printOne(
        {object: 'total_count', total_count: total},
        {format: this.format, columns, defaults: ['total_count'], select: this.selectedColumns},
      )
  }
}
