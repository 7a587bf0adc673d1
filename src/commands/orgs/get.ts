import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {getOrg, orgColumns} from '../../lib/resources/orgs.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class OrgsGet extends ClerkCommand<typeof OrgsGet> {
  static safety = 'read' as const
  static summary = 'Show one organization, by id or slug'
  static description = 'Calls GET /v1/organizations/{id_or_slug}?include_members_count=true.'
  static examples = [
    '<%= config.bin %> orgs get org_2abc',
    '<%= config.bin %> orgs get acme -o json | jq .public_metadata',
  ]
  static args = {org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'})}

  async run(): Promise<void> {
    const org = await getOrg(await this.client(), this.args.org, true)
    const columns = orgColumns(this.format)
    await printOne(org, {format: this.format, columns, defaults: Object.keys(columns), select: this.selectedColumns})
  }
}
