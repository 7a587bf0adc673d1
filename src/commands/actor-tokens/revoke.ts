import {revokeActorToken, ticketColumns} from '../../lib/resources/tokens.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {yesFlag} from '../../lib/oclif/user-flags.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class ActorTokensRevoke extends ClerkCommand<typeof ActorTokensRevoke> {
  static safety = 'destructive' as const
  static summary = 'Revoke a pending actor token'
  static description =
    'Calls POST /v1/actor_tokens/{actor_token_id}/revoke. Asks first; --yes when there is no terminal. A token that is not pending any more is exit 1 (HTTP 400).'
  static examples = ['<%= config.bin %> actor-tokens revoke act_2abc --yes']
  static flags = {...yesFlag}
  static args = {id: idArg('act', {required: true, description: 'actor token id'})}

  async run(): Promise<void> {
    await this.confirm(`revoke actor token ${this.args.id}`, {typed: this.args.id, yes: this.flags.yes})
    const t = await revokeActorToken(await this.client(), this.args.id)
    await printOne(t, {
      format: this.format,
      columns: ticketColumns(this.format),
      defaults: ['id', 'status', 'user_id'],
      select: this.selectedColumns,
    })
  }
}
