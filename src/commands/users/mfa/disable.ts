import {Flags} from '@oclif/core'
import {idArg} from '../../../lib/oclif/id-args.js'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {out} from '../../../lib/output/writer.js'
import {userIdFor} from '../../../lib/resources/orgs.js'
import {disableMfa} from '../../../lib/resources/users/security.js'

export default class UsersMfaDisable extends ClerkCommand<typeof UsersMfaDisable> {
  static safety = 'destructive' as const
  static summary = "Turn off a user's MFA (TOTP, backup codes, SMS second factor), e.g. after a lost device"
  static description = 'Calls DELETE /v1/users/{user_id}/mfa. Asks first; --yes when there is no terminal.'
  static examples = [
    '<%= config.bin %> users mfa disable user_2abc',
    '<%= config.bin %> users mfa disable ada@example.com --yes',
  ]
  static args = {user: idArg('user', {required: true, email: true, description: 'user id (user_...) or email address'})}
  static flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<void> {
    const client = await this.client()
    const id = await userIdFor(client, this.args.user)
    await this.confirm(`disable every MFA method of user ${id}`, {typed: id, yes: this.flags.yes})
    const r = await disableMfa(client, id)
    if (this.format === 'table') this.note(`MFA disabled for ${r.user_id ?? id}`)
    else await out(`${JSON.stringify(r, null, this.format === 'json' ? 2 : undefined)}\n`)
  }
}
