import {Flags} from '@oclif/core'

import {bulkRunOptions, userBulkFlags} from '../../lib/oclif/bulk-flags.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {metadataInput, runMetadataEdit} from '../../lib/resources/metadata.js'
import {confirmUserAction, getUser, resolveUser, sendUserMetadata} from '../../lib/resources/users/actions.js'
import {userRefArgs, userRefFlags} from '../../lib/oclif/user-flags.js'

export default class UsersMetadata extends ClerkCommand<typeof UsersMetadata> {
  static safety = 'write' as const
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
    public: Flags.string({aliases: ['public-metadata'], description: 'public metadata: JSON object or @file'}),
    private: Flags.string({aliases: ['private-metadata'], description: 'private metadata: JSON object or @file'}),
    unsafe: Flags.string({aliases: ['unsafe-metadata'], description: 'unsafe metadata: JSON object or @file'}),
    replace: Flags.boolean({description: 'replace each given field whole instead of merging'}),
    ...userBulkFlags,
    'dry-run': Flags.boolean({description: 'show the diff and send nothing (with --file: validate and plan)'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    if (f.file) return this.bulk()
    const ctx = {interactive: this.cfg.interactive, yes: f.yes}
    const input = await metadataInput(f, ctx)
    const client = await this.client()
    const target = await resolveUser(client, {id: this.args.id, email: f.email, externalId: f['external-id']}, ctx)
    await runMetadataEdit(target.id, {
      read: async () => target.user ?? (await getUser(client, target.id)),
      send: (plan) => sendUserMetadata(client, target.id, plan),
      input,
      mode: f.replace ? 'replace' : 'merge',
      dryRun: f['dry-run'],
      confirmRemoval: (removed) =>
        confirmUserAction(client, ctx, `remove ${removed.length} metadata key(s) of`, target),
      format: this.format,
      select: this.selectedColumns,
      note: (msg) => this.note(msg),
    })
  }

  /** --file / --where: the bulk runner (src/lib/bulk/users-mutate.ts). */
  private async bulk(): Promise<void> {
    const {runUserBulk} = await import('../../lib/resources/users/bulk.js')
    const client = await this.client()
    await runUserBulk(
      client,
      'metadata',
      this.flags,
      bulkRunOptions(this.flags, this.cfg, client, (m) => this.note(m)),
    )
  }
}
