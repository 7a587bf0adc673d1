import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {orgColumns, updateOrg} from '../../lib/resources/orgs.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class OrgsUpdate extends ClerkCommand<typeof OrgsUpdate> {
  static safety = 'write' as const
  static summary = "Change an organization's name, slug or limits"
  static description = 'Calls PATCH /v1/organizations/{id}. Metadata has its own command: `orgs metadata`.'
  static examples = [
    '<%= config.bin %> orgs update acme --name "Acme Corporation"',
    '<%= config.bin %> orgs update org_2abc --slug acme-corp --max-members 100',
  ]

  static args = {org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'})}
  static flags = {
    name: Flags.string({description: 'new name'}),
    slug: Flags.string({description: 'new unique slug'}),
    'max-members': Flags.integer({min: 0, description: 'most memberships allowed (0 = unlimited)'}),
    'admin-delete': Flags.boolean({
      allowNo: true,
      description: 'whether admins may delete the organization from the Frontend API',
    }),
  }

  async run(): Promise<void> {
    const f = this.flags
    const org = await updateOrg(await this.client(), this.args.org, {
      name: f.name,
      slug: f.slug,
      max_allowed_memberships: f['max-members'],
      admin_delete_enabled: f['admin-delete'],
    })
    const columns = orgColumns(this.format)
    await printOne(org, {format: this.format, columns, defaults: Object.keys(columns), select: this.selectedColumns})
  }
}
