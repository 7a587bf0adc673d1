import {ClerkCommand} from '../../lib/command.js'
import {printOne} from '../../lib/output/writer.js'
import {runUserStateAction} from '../../lib/user-actions.js'
import {userRefArgs, userRefFlags} from '../../lib/user-flags.js'
import {USER_CHANGED_COLUMNS, userColumns} from '../../lib/users.js'

export default class UsersUnlock extends ClerkCommand<typeof UsersUnlock> {
  static summary = 'Remove a lock'
  static description = 'Calls POST /v1/users/{user_id}/unlock.'
  static examples = [
    '<%= config.bin %> users unlock user_2abc',
    '<%= config.bin %> users unlock --email ada@example.com',
    '<%= config.bin %> users unlock user_2abc -o json',
  ]

  static args = userRefArgs
  static flags = {...userRefFlags}

  async run(): Promise<void> {
    const ctx = {interactive: this.cfg.interactive}
    const ref = {id: this.args.id, email: this.flags.email, externalId: this.flags['external-id']}
    const user = await runUserStateAction(await this.client(), ref, 'unlock', ctx)
    await printOne(user, {format: this.format, columns: userColumns(this.format), defaults: USER_CHANGED_COLUMNS, select: this.selectedColumns})
  }
}
