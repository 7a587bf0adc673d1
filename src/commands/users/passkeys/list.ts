import {idArg} from '../../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printList} from '../../../lib/output/writer.js'
import {userIdFor} from '../../../lib/resources/orgs.js'
import {passkeyColumns, passkeysOf} from '../../../lib/resources/users/security.js'

export default class UsersPasskeysList extends ClerkCommand<typeof UsersPasskeysList> {
  static safety = 'read' as const
  static summary = "List a user's passkeys"
  static description = 'Calls GET /v1/users/{user_id} (passkeys are part of the User object).'
  static examples = ['<%= config.bin %> users passkeys list user_2abc']
  static args = {user: idArg('user', {required: true, email: true, description: 'user id (user_...) or email address'})}

  async run(): Promise<void> {
    const client = await this.client()
    const rows = await passkeysOf(client, await userIdFor(client, this.args.user))
    const columns = passkeyColumns(this.format)
    await printList(rows, {format: this.format, columns, defaults: Object.keys(columns), select: this.selectedColumns})
  }
}
