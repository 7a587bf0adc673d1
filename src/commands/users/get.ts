import {Args} from '@oclif/core'

import {ClerkCommand} from '../../lib/command.js'
import {printOne} from '../../lib/output/writer.js'
import {type BapiUser, userColumns} from '../../lib/users.js'

export default class UsersGet extends ClerkCommand<typeof UsersGet> {
  static summary = 'Show one user'
  static description = 'Calls GET /v1/users/{user_id} through @clerk/backend.'
  static examples = ['<%= config.bin %> users get user_2abc', '<%= config.bin %> users get user_2abc -o json | jq .public_metadata']
  static args = {id: Args.string({required: true, description: 'user id (user_...)'})}

  async run(): Promise<void> {
    const {clerk} = await this.client()
    const user = (await clerk.users.getUser(this.args.id)).raw as unknown as BapiUser
    const columns = userColumns(this.format)
    await printOne(user, {format: this.format, columns, defaults: Object.keys(columns), select: this.selectedColumns})
  }
}
