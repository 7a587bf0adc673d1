import {Flags} from '@oclif/core'
import {idArg} from './id-args.js'

import {type BulkFlagValues, bulkRunOptions, userBulkFlags} from './bulk-flags.js'
import type {UserBulkFlagValues} from '../resources/users/bulk.js'
import {ClerkCommand} from './command.js'
import {printOne} from '../output/writer.js'
import {userIdFor} from '../resources/orgs.js'
import {setCompromised} from '../resources/users/security.js'
import {type BapiUser, USER_CHANGED_COLUMNS, userColumns} from '../resources/users/users.js'
import {usageError} from '../util/errors.js'

/**
 * `users password set-compromised|unset-compromised`: one user (set-compromised confirms first), or with
 * --file / --where every listed user through the bulk runner (plan, --yes, journal, --resume, --report).
 */
export function compromisedCommand(set: boolean) {
  const action = set ? 'set-compromised' : 'unset-compromised'
  return class extends ClerkCommand {
    static safety = (set ? 'destructive' : 'write') as 'destructive' | 'write'
    static summary = set
      ? "Flag a user's password as compromised (they must reset it at the next sign-in)"
      : "Clear a user's compromised-password flag"
    static description = `Calls POST /v1/users/{user_id}/password/${set ? 'set' : 'unset'}_compromised, once per user with --file/--where.${set ? ' Asks first; --yes when there is no terminal.' : ''}`
    static examples = [
      `<%= config.bin %> users password ${action} user_2abc${set ? ' --yes' : ''}`,
      `<%= config.bin %> users password ${action} --file breached-ids.txt --yes --report report.ndjson`,
    ]
    static args = {
      user: idArg('user', {
        required: false,
        email: true,
        description: 'user id (user_...) or email; or use --file / --where',
      }),
    }
    static flags = {
      ...userBulkFlags,
      ...(set
        ? {'revoke-sessions': Flags.boolean({description: "also revoke the user's sessions (one user only)"})}
        : {}),
    }

    async run(): Promise<void> {
      const f = this.flags as BulkFlagValues & UserBulkFlagValues & {'revoke-sessions'?: boolean}
      const a = this.args as {user?: string}
      const client = await this.client()
      if (f.file || f.where) {
        if (a.user) throw usageError('give USER or --file/--where, not both')
        const {runUserBulk} = await import('../resources/users/bulk.js')
        return runUserBulk(
          client,
          action,
          f,
          bulkRunOptions(f, this.cfg, client, (m) => this.note(m)),
        )
      }
      if (!a.user) throw usageError('missing USER', 'pass a user id or email, or --file ids.txt')
      const id = await userIdFor(client, a.user)
      if (set) await this.confirm(`flag the password of user ${id} as compromised`, {typed: id, yes: f.yes})
      const user = (await setCompromised(client, id, set, f['revoke-sessions'])) as BapiUser
      await printOne(user, {
        format: this.format,
        columns: userColumns(this.format),
        defaults: USER_CHANGED_COLUMNS,
        select: this.selectedColumns,
      })
    }
  }
}
