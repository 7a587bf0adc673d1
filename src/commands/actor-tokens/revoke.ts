import {Args} from '@oclif/core'

import {revokeActorToken, ticketColumns} from '../../lib/resources/tokens.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'

export default class ActorTokensRevoke extends ClerkCommand<typeof ActorTokensRevoke> {
  static summary = 'Revoke a pending actor token'
  static description =
    'Calls POST /v1/actor_tokens/{actor_token_id}/revoke. A token that is not pending any more is exit 1 (HTTP 400).'
  static examples = ['<%= config.bin %> actor-tokens revoke act_2abc']
  static args = {id: Args.string({required: true, description: 'actor token id'})}

  async run(): Promise<void> {
    const t = await revokeActorToken(await this.client(), this.args.id)
    await printOne(t, {
      format: this.format,
      columns: ticketColumns(this.format),
      defaults: ['id', 'status', 'user_id'],
      select: this.selectedColumns,
    })
  }
}
