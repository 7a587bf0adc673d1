import {Flags} from '@oclif/core'
import {idArg} from '../../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {userIdFor} from '../../../lib/resources/orgs.js'
import {printDeleted} from '../../../lib/resources/rows.js'
import {removePasskey} from '../../../lib/resources/users/security.js'

export default class UsersPasskeysRemove extends ClerkCommand<typeof UsersPasskeysRemove> {
  static safety = 'destructive' as const
  static summary = "Remove one of a user's passkeys"
  static description =
    'Calls DELETE /v1/users/{user_id}/passkeys/{passkey_identification_id}. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> users passkeys remove user_2abc idn_2pk --yes']
  static args = {
    user: idArg('user', {required: true, email: true, description: 'user id (user_...) or email address'}),
    passkey: idArg('idn', {required: true, description: 'passkey id (idn_..., from `users passkeys list`)'}),
  }
  static flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<void> {
    const client = await this.client()
    const id = await userIdFor(client, this.args.user)
    await this.confirm(`remove passkey ${this.args.passkey} of user ${id}`, {
      typed: this.args.passkey,
      yes: this.flags.yes,
    })
    await printDeleted(await removePasskey(client, id, this.args.passkey), this.format)
  }
}
