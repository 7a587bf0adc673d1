import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {deleteOrg, getOrg} from '../../lib/resources/orgs.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class OrgsDelete extends ClerkCommand<typeof OrgsDelete> {
  static safety = 'destructive' as const
  static summary = 'Delete an organization with its memberships and invitations'
  static description =
    'Calls GET /v1/organizations/{id_or_slug}, then DELETE /v1/organizations/{id}. Asks first at a terminal; needs --yes otherwise.'
  static examples = ['<%= config.bin %> orgs delete acme', '<%= config.bin %> orgs delete org_2abc --yes']
  static args = {org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'})}
  static flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<void> {
    const client = await this.client()
    const org = await getOrg(client, this.args.org, true)
    await this.confirm(`delete organization ${org.name} (${org.slug}, ${org.members_count ?? '?'} members)`, {
      typed: org.slug,
      yes: this.flags.yes,
    })
    const res = await deleteOrg(client, org.id)
    this.note(`deleted organization ${org.id} (${org.slug})`)
    if (this.format !== 'table')
      await printOne(res, {format: this.format, columns: {id: {header: 'ID', get: (r) => r.id}}, defaults: ['id']})
  }
}
