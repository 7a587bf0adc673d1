import {ClerkCommand} from '../../lib/command.js'
import {printOne} from '../../lib/output/writer.js'
import {runUserStateAction} from '../../lib/user-actions.js'
import {userRefArgs, userRefFlags, yesFlag} from '../../lib/user-flags.js'
import {USER_CHANGED_COLUMNS, userColumns} from '../../lib/users.js'

export default class UsersLock extends ClerkCommand<typeof UsersLock> {
  static summary = 'Lock a user out of signing in until the lock expires (asks first; --yes without a terminal)'
  static description = 'Calls POST /v1/users/{user_id}/lock. At a terminal it asks for confirmation (with an sk_live_ key you type the user id); without one it needs --yes.'
  static examples = [
    '<%= config.bin %> users lock user_2abc',
    '<%= config.bin %> users lock --email ada@example.com --yes',
    '<%= config.bin %> users lock user_2abc --yes -o json',
  ]

  static args = userRefArgs
  static flags = {...userRefFlags, ...yesFlag}

  async run(): Promise<void> {
    const ctx = {interactive: this.cfg.interactive, yes: this.flags.yes}
    const ref = {id: this.args.id, email: this.flags.email, externalId: this.flags['external-id']}
    const user = await runUserStateAction(await this.client(), ref, 'lock', ctx)
    await printOne(user, {format: this.format, columns: userColumns(this.format), defaults: USER_CHANGED_COLUMNS, select: this.selectedColumns})
  }
}
