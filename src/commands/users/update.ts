import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {resolveUser, updateUser} from '../../lib/resources/users/actions.js'
import {userRefArgs, userRefFlags} from '../../lib/oclif/user-flags.js'
import {PASSWORD_HASHERS, updateBody} from '../../lib/resources/users/body.js'
import {USER_CHANGED_COLUMNS, userColumns} from '../../lib/resources/users/users.js'
import {usageError} from '../../lib/util/errors.js'

export default class UsersUpdate extends ClerkCommand<typeof UsersUpdate> {
  static safety = 'write' as const
  static summary = "Update a user's profile fields"
  static description =
    'Calls PATCH /v1/users/{user_id} with only the fields given (an empty value clears a field). For metadata use `users metadata`.'
  static examples = [
    '<%= config.bin %> users update user_2abc --first-name Ada --last-name Lovelace',
    '<%= config.bin %> users update --email ada@example.com --username ada_l',
    '<%= config.bin %> users update user_2abc --set-external-id crm-42 -o json',
    '<%= config.bin %> users update user_2abc --password-stdin --sign-out-of-other-sessions < pw.txt',
  ]

  static args = userRefArgs
  static flags = {
    ...userRefFlags,
    'first-name': Flags.string({description: 'first name'}),
    'last-name': Flags.string({description: 'last name'}),
    username: Flags.string({description: 'username'}),
    'set-external-id': Flags.string({description: 'set the external id (--external-id names the user to update)'}),
    locale: Flags.string({description: 'locale, e.g. en-US'}),
    'primary-email-id': Flags.string({description: 'make this verified email address (idn_...) primary'}),
    'primary-phone-id': Flags.string({description: 'make this verified phone number (idn_...) primary'}),
    password: Flags.string({description: 'new password (visible in `ps`; prefer --password-stdin)'}),
    'password-stdin': Flags.boolean({
      description: 'read the new password from stdin (asked for, masked, at a terminal)',
    }),
    'password-digest': Flags.string({description: 'a password hash to import (needs --password-hasher)'}),
    'password-hasher': Flags.string({options: PASSWORD_HASHERS, description: 'the algorithm of --password-digest'}),
    'skip-password-checks': Flags.boolean({description: 'skip password strength and breach checks'}),
    'sign-out-of-other-sessions': Flags.boolean({description: "with a new password: end the user's other sessions"}),
  }

  async run(): Promise<void> {
    // USER_ID and --external-id together: they meant to set it (as `users create --external-id` does)
    if (this.args.id !== undefined && this.flags['external-id'] !== undefined)
      throw usageError(
        '--external-id names the user to update (like --email), and USER_ID already does',
        `to set the external id: clerk users update ${this.args.id} --set-external-id ${this.flags['external-id']}`,
      )
    const ctx = {interactive: this.cfg.interactive}
    const body = await updateBody(this.flags, ctx)
    const client = await this.client()
    const target = await resolveUser(
      client,
      {id: this.args.id, email: this.flags.email, externalId: this.flags['external-id']},
      ctx,
    )
    const user = await updateUser(client, target.id, body)
    await printOne(user, {
      format: this.format,
      columns: userColumns(this.format),
      defaults: USER_CHANGED_COLUMNS,
      select: this.selectedColumns,
    })
  }
}
