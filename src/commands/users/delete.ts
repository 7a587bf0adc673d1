import {bulkRunOptions, userBulkFlags} from '../../lib/oclif/bulk-flags.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {confirmUserAction, deleteUser, requireConfirmable, resolveUser} from '../../lib/resources/users/actions.js'
import {userRefArgs, userRefFlags, yesFlag} from '../../lib/oclif/user-flags.js'

export default class UsersDelete extends ClerkCommand<typeof UsersDelete> {
  static safety = 'destructive' as const
  static summary = 'Delete a user (asks first; --yes without a terminal)'
  static description =
    'Calls DELETE /v1/users/{user_id}. At a terminal it asks for confirmation, naming the user and the instance; with an sk_live_ key you type the user id. Without a terminal (CI, a pipe, --no-input) it needs --yes.'
  static examples = [
    '<%= config.bin %> users delete user_2abc',
    '<%= config.bin %> users delete --email ada@example.com --yes',
    '<%= config.bin %> users delete user_2abc --yes -o json',
  ]

  static args = userRefArgs
  static flags = {...userRefFlags, ...yesFlag, ...userBulkFlags}

  async run(): Promise<void> {
    if (this.flags.file || this.flags.where) return this.bulk()
    const ctx = {interactive: this.cfg.interactive, yes: this.flags.yes}
    const ref = {id: this.args.id, email: this.flags.email, externalId: this.flags['external-id']}
    await requireConfirmable(ctx, 'delete', ref)
    const client = await this.client()
    const target = await resolveUser(client, ref, ctx)
    await confirmUserAction(client, ctx, 'delete', target)
    const deleted = await deleteUser(client, target.id)
    const columns = {
      id: {header: 'ID', get: (d: typeof deleted) => d.id},
      deleted: {header: 'DELETED', get: (d: typeof deleted) => d.deleted},
    }
    await printOne(deleted, {format: this.format, columns, defaults: ['id', 'deleted'], select: this.selectedColumns})
  }

  /** --file / --where: the bulk runner (src/lib/bulk/users-mutate.ts). */
  private async bulk(): Promise<void> {
    const {runUserBulk} = await import('../../lib/resources/users/bulk.js')
    const client = await this.client()
    await runUserBulk(
      client,
      'delete',
      this.flags,
      bulkRunOptions(this.flags, this.cfg, client, (m) => this.note(m)),
    )
  }
}
