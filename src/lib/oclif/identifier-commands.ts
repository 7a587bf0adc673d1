/**
 * `users emails add|remove|set-primary|verify` and the same for `users phones`: one class per action,
 * built for either kind (src/commands/users/{emails,phones}/*.ts each export one).
 */
import {Args, Flags} from '@oclif/core'
import {idArg} from './id-args.js'

import {ClerkCommand} from './command.js'
import {printOne} from '../output/writer.js'
import {printDeleted} from '../resources/rows.js'
import {
  IDENTIFIERS,
  IDENTIFIER_DEFAULTS,
  type IdentifierKind,
  addIdentifier,
  deleteIdentifier,
  identificationOf,
  identifierColumns,
  updateIdentifier,
} from '../resources/users/security.js'

const userArg = idArg('user', {
  required: true,
  email: true,
  description: 'user id (user_...) or the email address of the user',
})
const yes = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

export function addCommand(kind: IdentifierKind) {
  const k = IDENTIFIERS[kind]
  return class extends ClerkCommand {
    static safety = 'write' as const
    static summary = `Add ${k.noun === 'email address' ? 'an' : 'a'} ${k.noun} to a user`
    static description = `Calls POST /v1${k.path} (an email address naming the user is looked up with GET /v1/users).`
    static examples = [
      kind === 'emails'
        ? '<%= config.bin %> users emails add user_2abc ada@new.example --verified --primary'
        : '<%= config.bin %> users phones add user_2abc +15555550100 --verified',
    ]
    static args = {user: userArg, value: Args.string({required: true, description: `the ${k.noun}`})}
    static flags = {
      verified: Flags.boolean({
        description: `mark it verified (no verification ${kind === 'emails' ? 'email' : 'SMS'})`,
      }),
      primary: Flags.boolean({description: `make it the user's primary ${k.noun}`}),
      ...(kind === 'phones'
        ? {'second-factor': Flags.boolean({description: 'reserve it for second-factor (SMS codes)'})}
        : {}),
    }

    async run(): Promise<void> {
      const f = this.flags as {verified?: boolean; primary?: boolean; 'second-factor'?: boolean}
      const a = this.args as {user: string; value: string}
      const row = await addIdentifier(await this.client(), kind, a.user, a.value, {
        verified: f.verified,
        primary: f.primary,
        secondFactor: f['second-factor'],
      })
      await printOne(row, {
        format: this.format,
        columns: identifierColumns(kind, this.format),
        defaults: IDENTIFIER_DEFAULTS,
        select: this.selectedColumns,
      })
    }
  }
}

const refArgs = (noun: string) => ({
  user: userArg,
  identifier: idArg('idn', {required: true, lookup: true, description: `the ${noun}, or its id (idn_...)`}),
})

export function removeCommand(kind: IdentifierKind) {
  const k = IDENTIFIERS[kind]
  return class extends ClerkCommand {
    static safety = 'destructive' as const
    static summary = `Remove ${k.noun === 'email address' ? 'an' : 'a'} ${k.noun} from a user`
    static description = `Calls DELETE /v1${k.path}/{${k.field}_id} (after GET /v1/users/{id} to find it). Asks first; --yes when there is no terminal.`
    static examples = [
      `<%= config.bin %> users ${kind} remove user_2abc ${kind === 'emails' ? 'old@example.com' : '+15555550100'} --yes`,
    ]
    static args = refArgs(k.noun)
    static flags = yes

    async run(): Promise<void> {
      const a = this.args as {user: string; identifier: string}
      const client = await this.client()
      const found = await identificationOf(client, kind, a.user, a.identifier)
      await this.confirm(`remove ${k.noun} ${found.value} from user ${found.userId}`, {
        typed: found.id,
        yes: (this.flags as {yes?: boolean}).yes,
      })
      await printDeleted(await deleteIdentifier(client, kind, found.id), this.format)
    }
  }
}

export function patchCommand(kind: IdentifierKind, what: 'set-primary' | 'verify') {
  const k = IDENTIFIERS[kind]
  const body = what === 'verify' ? {verified: true} : {primary: true}
  return class extends ClerkCommand {
    static safety = 'write' as const
    static summary =
      what === 'verify' ? `Mark a user's ${k.noun} verified` : `Make one of a user's ${k.noun}s the primary one`
    static description = `Calls PATCH /v1${k.path}/{${k.field}_id} with ${JSON.stringify(body)} (after GET /v1/users/{id} to find it).`
    static examples = [
      `<%= config.bin %> users ${kind} ${what} user_2abc ${kind === 'emails' ? 'ada@new.example' : '+15555550100'}`,
    ]
    static args = refArgs(k.noun)

    async run(): Promise<void> {
      const a = this.args as {user: string; identifier: string}
      const client = await this.client()
      const found = await identificationOf(client, kind, a.user, a.identifier)
      const row = await updateIdentifier(client, kind, found.id, body)
      await printOne(row, {
        format: this.format,
        columns: identifierColumns(kind, this.format),
        defaults: IDENTIFIER_DEFAULTS,
        select: this.selectedColumns,
      })
    }
  }
}
