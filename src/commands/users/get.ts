import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {getUserViaSdk, resolveUser} from '../../lib/resources/users/actions.js'
import {userRefArgs, userRefFlags} from '../../lib/oclif/user-flags.js'
import {userColumns} from '../../lib/resources/users/users.js'

export default class UsersGet extends ClerkCommand<typeof UsersGet> {
  static safety = 'read' as const
  static summary = 'Show one user, by id, --email or --external-id'
  static description =
    'Calls GET /v1/users/{user_id} through @clerk/backend; with --email or --external-id, one GET /v1/users lookup instead.'
  static examples = [
    '<%= config.bin %> users get user_2abc',
    '<%= config.bin %> users get --email ada@example.com',
    '<%= config.bin %> users get --external-id crm-42 -o json | jq .public_metadata',
  ]

  static args = userRefArgs
  static flags = {...userRefFlags}

  async run(): Promise<void> {
    const client = await this.client()
    const ctx = {interactive: this.cfg.interactive}
    const target = await resolveUser(
      client,
      {id: this.args.id, email: this.flags.email, externalId: this.flags['external-id']},
      ctx,
    )
    const user = target.user ?? (await getUserViaSdk(client, target.id))
    const columns = userColumns(this.format)
    await printOne(user, {format: this.format, columns, defaults: Object.keys(columns), select: this.selectedColumns})
  }
}
