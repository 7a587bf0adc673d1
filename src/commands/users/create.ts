import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {createUser} from '../../lib/resources/users/actions.js'
import {PASSWORD_HASHERS, createBody} from '../../lib/resources/users/body.js'
import {USER_CHANGED_COLUMNS, userColumns} from '../../lib/resources/users/users.js'

export default class UsersCreate extends ClerkCommand<typeof UsersCreate> {
  static safety = 'write' as const
  static summary = 'Create a user'
  static description =
    'Calls POST /v1/users. At a terminal a missing email address is asked for. Metadata flags take JSON or @file.'
  static examples = [
    '<%= config.bin %> users create --email ada@example.com --first-name Ada --last-name Lovelace',
    '<%= config.bin %> users create --email ada@example.com --password-stdin --public-metadata \'{"plan":"pro"}\' < pw.txt',
    "<%= config.bin %> users create --email old@example.com --password-digest '$2a$10$...' --password-hasher bcrypt",
    '<%= config.bin %> users create --username ada_l --phone +15555550100 --private-metadata @meta.json -o json',
  ]

  static flags = {
    email: Flags.string({multiple: true, description: 'email address (repeatable; the first is primary)'}),
    phone: Flags.string({multiple: true, description: 'phone number in E.164, e.g. +15555550100 (repeatable)'}),
    username: Flags.string({description: 'username'}),
    'first-name': Flags.string({description: 'first name'}),
    'last-name': Flags.string({description: 'last name'}),
    'external-id': Flags.string({description: 'your own id for the user'}),
    password: Flags.string({description: 'password (visible in `ps`; prefer --password-stdin)'}),
    'password-stdin': Flags.boolean({description: 'read the password from stdin (asked for, masked, at a terminal)'}),
    'password-digest': Flags.string({description: 'an existing password hash to import (needs --password-hasher)'}),
    'password-hasher': Flags.string({options: PASSWORD_HASHERS, description: 'the algorithm of --password-digest'}),
    'skip-password-checks': Flags.boolean({description: 'skip password strength and breach checks'}),
    'public-metadata': Flags.string({aliases: ['public'], description: 'public metadata: a JSON object or @file.json'}),
    'private-metadata': Flags.string({
      aliases: ['private'],
      description: 'private metadata: a JSON object or @file.json',
    }),
    'unsafe-metadata': Flags.string({aliases: ['unsafe'], description: 'unsafe metadata: a JSON object or @file.json'}),
  }

  async run(): Promise<void> {
    const body = await createBody(this.flags, {interactive: this.cfg.interactive})
    const user = await createUser(await this.client(), body)
    await printOne(user, {
      format: this.format,
      columns: userColumns(this.format),
      defaults: USER_CHANGED_COLUMNS,
      select: this.selectedColumns,
    })
  }
}
