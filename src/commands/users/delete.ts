import {ClerkCommand} from '../../lib/command.js'
import {printOne} from '../../lib/output/writer.js'
import {confirmUserAction, deleteUser, resolveUser} from '../../lib/user-actions.js'
import {userRefArgs, userRefFlags, yesFlag} from '../../lib/user-flags.js'

export default class UsersDelete extends ClerkCommand<typeof UsersDelete> {
  static summary = 'Delete a user (asks first; --yes without a terminal)'
  static description =
    'Calls DELETE /v1/users/{user_id}. At a terminal it asks for confirmation, naming the user and the instance; with an sk_live_ key you type the user id. Without a terminal (CI, a pipe, --no-input) it needs --yes.'
  static examples = [
    '<%= config.bin %> users delete user_2abc',
    '<%= config.bin %> users delete --email ada@example.com --yes',
    '<%= config.bin %> users delete user_2abc --yes -o json',
  ]

  static args = userRefArgs
  static flags = {...userRefFlags, ...yesFlag}

  async run(): Promise<void> {
    const ctx = {interactive: this.cfg.interactive, yes: this.flags.yes}
    const client = await this.client()
    const target = await resolveUser(client, {id: this.args.id, email: this.flags.email, externalId: this.flags['external-id']}, ctx)
    await confirmUserAction(client, ctx, 'delete', target)
    const deleted = await deleteUser(client, target.id)
    const columns = {id: {header: 'ID', get: (d: typeof deleted) => d.id}, deleted: {header: 'DELETED', get: (d: typeof deleted) => d.deleted}}
    await printOne(deleted, {format: this.format, columns, defaults: ['id', 'deleted'], select: this.selectedColumns})
  }
}
