import {Flags} from '@oclif/core'

import {TICKET_DEFAULTS, createSignInToken, ticketColumns} from '../../lib/resources/tokens.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {userIdOrEmail} from '../../lib/resources/users/actions.js'

export default class SignInTokensCreate extends ClerkCommand<typeof SignInTokensCreate> {
  static safety = 'write' as const
  static summary = 'Create a sign-in token (a one-time link that signs the user in)'
  static description = 'Calls POST /v1/sign_in_tokens. The token itself is in -o json (and --columns token).'
  static examples = [
    '<%= config.bin %> sign-in-tokens create --user user_2abc',
    '<%= config.bin %> sign-in-tokens create --user user_2abc --expires-in 600 -o json | jq -r .url',
  ]
  static flags = {
    user: Flags.string({required: true, description: 'the user to sign in: a user id or an email address'}),
    'expires-in': Flags.integer({min: 1, description: 'seconds until the token expires [default: 30 days]'}),
  }

  async run(): Promise<void> {
    const client = await this.client()
    const t = await createSignInToken(client, {
      userId: await userIdOrEmail(client, this.flags.user),
      expiresIn: this.flags['expires-in'],
    })
    await printOne(t, {
      format: this.format,
      columns: ticketColumns(this.format),
      defaults: TICKET_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
