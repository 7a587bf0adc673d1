import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {metadataInput, runMetadataEdit} from '../../lib/resources/metadata.js'
import {getOrg, sendOrgMetadata} from '../../lib/resources/orgs.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class OrgsMetadata extends ClerkCommand<typeof OrgsMetadata> {
  static safety = 'write' as const
  static summary = "Merge (RFC 7386) or replace an organization's metadata, showing the diff; --dry-run sends nothing"
  static description =
    'Reads the organization (GET /v1/organizations/{id_or_slug}), shows what changes, then sends PATCH /v1/organizations/{id}/metadata ' +
    '(a deep merge: objects merge, null removes a key) or, with --replace, PUT (each given field replaced whole). Values are JSON objects or @file.'
  static examples = [
    `<%= config.bin %> orgs metadata acme --public '{"plan":"enterprise","trial":null}'`,
    `<%= config.bin %> orgs metadata org_2abc --private @crm.json --dry-run`,
    `<%= config.bin %> orgs metadata acme --public '{}' --replace -o json`,
  ]

  static args = {org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'})}
  static flags = {
    public: Flags.string({aliases: ['public-metadata'], description: 'public metadata: JSON object or @file'}),
    private: Flags.string({aliases: ['private-metadata'], description: 'private metadata: JSON object or @file'}),
    replace: Flags.boolean({description: 'replace each given field whole instead of merging'}),
    'dry-run': Flags.boolean({description: 'show the diff and send nothing'}),
    yes: Flags.boolean({
      char: 'y',
      description: 'with --replace: remove keys without asking (required without a terminal)',
    }),
  }

  async run(): Promise<void> {
    const f = this.flags
    const input = await metadataInput({public: f.public, private: f.private}, {interactive: this.cfg.interactive})
    const client = await this.client()
    const org = await getOrg(client, this.args.org)
    await runMetadataEdit(org.slug, {
      read: async () => org,
      send: (plan) => sendOrgMetadata(client, org.id, plan),
      input,
      mode: f.replace ? 'replace' : 'merge',
      dryRun: f['dry-run'],
      confirmRemoval: (removed) =>
        this.confirm(`remove ${removed.length} metadata key(s) of organization ${org.slug}`, {
          typed: org.slug,
          yes: f.yes,
        }),
      format: this.format,
      select: this.selectedColumns,
      note: (msg) => this.note(msg),
    })
  }
}
