import {Args} from '@oclif/core'

import {revokeSignInToken, ticketColumns} from '../../lib/resources/tokens.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'

export default class SignInTokensRevoke extends ClerkCommand<typeof SignInTokensRevoke> {
  static summary = 'Revoke a pending sign-in token (it can no longer sign the user in)'
  static description =
    'Calls POST /v1/sign_in_tokens/{sign_in_token_id}/revoke. A token that is not pending any more is exit 1 (HTTP 400).'
  static examples = ['<%= config.bin %> sign-in-tokens revoke sit_2abc']
  static args = {id: Args.string({required: true, description: 'sign-in token id'})}

  async run(): Promise<void> {
    const t = await revokeSignInToken(await this.client(), this.args.id)
    await printOne(t, {
      format: this.format,
      columns: ticketColumns(this.format),
      defaults: ['id', 'status', 'user_id'],
      select: this.selectedColumns,
    })
  }
}
