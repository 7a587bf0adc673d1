import {Flags} from '@oclif/core'

import {TICKET_DEFAULTS, createActorToken, ticketColumns} from '../../lib/resources/tokens.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {userIdOrEmail} from '../../lib/resources/users/actions.js'

export default class ActorTokensCreate extends ClerkCommand<typeof ActorTokensCreate> {
  static safety = 'write' as const
  static summary = 'Create an actor token to impersonate a user (prints the sign-in URL)'
  static description =
    'Calls POST /v1/actor_tokens. The URL signs the actor in as the user; the token is in -o json (and --columns token).'
  static examples = [
    '<%= config.bin %> actor-tokens create --user user_2target --actor user_2admin',
    `<%= config.bin %> actor-tokens create --user user_2target --actor '{"sub":"user_2admin","reason":"ticket 123"}' --expires-in 600 -o json`,
  ]
  static flags = {
    user: Flags.string({required: true, description: 'the user to impersonate: a user id or an email address'}),
    actor: Flags.string({
      required: true,
      description: 'the impersonating user id, or a JSON object with "sub" and more claims',
    }),
    'expires-in': Flags.integer({min: 1, description: 'seconds until the token expires [default: 3600]'}),
    'session-max': Flags.integer({min: 1, description: 'most seconds the impersonation session lasts [default: 1800]'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const client = await this.client()
    const t = await createActorToken(client, {
      userId: await userIdOrEmail(client, f.user),
      actor: f.actor,
      expiresIn: f['expires-in'],
      sessionMax: f['session-max'],
    })
    await printOne(t, {
      format: this.format,
      columns: ticketColumns(this.format),
      defaults: TICKET_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
