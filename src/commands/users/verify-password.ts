import {Flags} from '@oclif/core'
import {idArg} from '../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {out} from '../../lib/output/writer.js'
import {userIdFor} from '../../lib/resources/orgs.js'
import {passwordFields} from '../../lib/resources/users/body.js'
import {verifyPassword} from '../../lib/resources/users/security.js'
import {usageError} from '../../lib/util/errors.js'

export default class UsersVerifyPassword extends ClerkCommand<typeof UsersVerifyPassword> {
  static safety = 'write' as const
  static summary = "Check a password against a user's (exit 0 when it matches, 1 when not)"
  static description =
    'Calls POST /v1/users/{user_id}/verify_password. The password comes from stdin (or a masked prompt at a terminal), never an argument.'
  static examples = ['printenv PW | <%= config.bin %> users verify-password user_2abc --password-stdin']
  static args = {user: idArg('user', {required: true, email: true, description: 'user id (user_...) or email address'})}
  static flags = {'password-stdin': Flags.boolean({description: 'read the password from stdin (required)'})}

  async run(): Promise<void> {
    if (!this.flags['password-stdin'])
      throw usageError('missing --password-stdin', 'the password is read from stdin, never from an argument')
    const client = await this.client()
    const id = await userIdFor(client, this.args.user)
    const {password} = await passwordFields({'password-stdin': true}, {interactive: this.cfg.interactive})
    const r = await verifyPassword(client, id, String(password ?? ''))
    if (this.format === 'table') this.note(`password matches for ${id}`)
    else await out(`${JSON.stringify(r, null, this.format === 'json' ? 2 : undefined)}\n`)
  }
}
