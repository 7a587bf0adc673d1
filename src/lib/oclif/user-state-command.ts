import {bulkRunOptions, userBulkFlags} from './bulk-flags.js'
import {ClerkCommand} from './command.js'
import {printOne} from '../output/writer.js'
import {type UserStateAction, runUserStateAction} from '../resources/users/actions.js'
import {userRefArgs, userRefFlags, yesFlag} from './user-flags.js'
import {USER_CHANGED_COLUMNS, userColumns} from '../resources/users/users.js'

/**
 * `users ban|unban|lock|unlock`: one user (by id, --email or --external-id; ban and lock confirm first)
 * or, with --file / --where, every listed user through the bulk runner. A command sets `action` and its help.
 */
export abstract class UserStateCommand extends ClerkCommand<typeof UserStateCommand> {
  static action: UserStateAction
  static args = userRefArgs
  static flags = {...userRefFlags, ...yesFlag, ...userBulkFlags}

  async run(): Promise<void> {
    const {action} = this.ctor as typeof UserStateCommand
    const client = await this.client()
    if (this.flags.file || this.flags.where) {
      const {runUserBulk} = await import('../resources/users/bulk.js')
      return runUserBulk(
        client,
        action,
        this.flags,
        bulkRunOptions(this.flags, this.cfg, client, (m) => this.note(m)),
      )
    }
    const ctx = {interactive: this.cfg.interactive, yes: this.flags.yes}
    const ref = {id: this.args.id, email: this.flags.email, externalId: this.flags['external-id']}
    const user = await runUserStateAction(client, ref, action, ctx)
    await printOne(user, {
      format: this.format,
      columns: userColumns(this.format),
      defaults: USER_CHANGED_COLUMNS,
      select: this.selectedColumns,
    })
  }
}
