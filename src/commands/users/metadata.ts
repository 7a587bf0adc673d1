import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/command.js'
import {editMetadata, metadataInput, printChanges} from '../../lib/metadata.js'
import {getUser, resolveUser, sendUserMetadata} from '../../lib/user-actions.js'
import {userRefArgs, userRefFlags} from '../../lib/user-flags.js'

export default class UsersMetadata extends ClerkCommand<typeof UsersMetadata> {
  static summary = "Merge (RFC 7386) or replace a user's metadata, showing the diff; --dry-run sends nothing"
  static description =
    'Reads the user (GET /v1/users/{user_id}), shows what changes, then sends PATCH /v1/users/{user_id}/metadata (a deep merge: ' +
    'objects merge, null removes a key) or, with --replace, PUT (each given field replaced whole). Values are JSON objects or @file. ' +
    'Output: the diff (table) or one record per changed key (json, ndjson, csv).'
  static examples = [
    `<%= config.bin %> users metadata user_2abc --public '{"plan":"pro","trial":null}'`,
    `<%= config.bin %> users metadata --email ada@example.com --private @private.json --dry-run`,
    `<%= config.bin %> users metadata user_2abc --unsafe '{}' --replace`,
    `<%= config.bin %> users metadata user_2abc --public '{"seats":5}' -o json`,
  ]

  static args = userRefArgs
  static flags = {
    ...userRefFlags,
    public: Flags.string({description: 'public metadata: JSON object or @file'}),
    private: Flags.string({description: 'private metadata: JSON object or @file'}),
    unsafe: Flags.string({description: 'unsafe metadata: JSON object or @file'}),
    replace: Flags.boolean({description: 'replace each given field whole instead of merging'}),
    'dry-run': Flags.boolean({description: 'show the diff and send nothing'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const ctx = {interactive: this.cfg.interactive}
    const input = await metadataInput(f, ctx)
    const client = await this.client()
    const target = await resolveUser(client, {id: this.args.id, email: f.email, externalId: f['external-id']}, ctx)
    const edit = await editMetadata({
      read: async () => target.user ?? (await getUser(client, target.id)),
      send: (plan) => sendUserMetadata(client, target.id, plan),
      input,
      mode: f.replace ? 'replace' : 'merge',
      dryRun: f['dry-run'],
    })
    await printChanges(edit.plan.changes, {format: this.format, select: this.selectedColumns})
    const n = edit.plan.changes.length
    if (f['dry-run']) this.note(`dry run: ${n} change(s) to ${target.id}, nothing sent`)
    else this.note(edit.sent ? `updated ${target.id}: ${n} change(s)` : `no changes to ${target.id}; nothing sent`)
  }
}
