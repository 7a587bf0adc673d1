import {revokeSignInToken, ticketColumns} from '../../lib/resources/tokens.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {yesFlag} from '../../lib/oclif/user-flags.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class SignInTokensRevoke extends ClerkCommand<typeof SignInTokensRevoke> {
  static safety = 'destructive' as const
  static summary = 'Revoke a pending sign-in token (it can no longer sign the user in)'
  static description =
    'Calls POST /v1/sign_in_tokens/{sign_in_token_id}/revoke. Asks first; --yes when there is no terminal. A token that is not pending any more is exit 1 (HTTP 400).'
  static examples = ['<%= config.bin %> sign-in-tokens revoke sit_2abc --yes']
  static flags = {...yesFlag}
  static args = {id: idArg('sit', {required: true, description: 'sign-in token id'})}

  async run(): Promise<void> {
    await this.confirm(`revoke sign-in token ${this.args.id}`, {typed: this.args.id, yes: this.flags.yes})
    const t = await revokeSignInToken(await this.client(), this.args.id)
    await printOne(t, {
      format: this.format,
      columns: ticketColumns(this.format),
      defaults: ['id', 'status', 'user_id'],
      select: this.selectedColumns,
    })
  }
}
