import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {ORG_DOMAIN_DEFAULTS, orgDomainColumns, verifyOrgDomainOwnership} from '../../../lib/resources/org-domains.js'
import {orgDomainArgs} from './update.js'

export default class OrgsDomainsVerify extends ClerkCommand<typeof OrgsDomainsVerify> {
  static safety = 'write' as const
  static summary = "Mark an organization domain's ownership verified (skipping the DNS TXT check)"
  static description =
    "Calls POST /v1/organizations/{organization_id}/domains/{domain_id}/verify_ownership: Clerk's manual override, recorded as strategy manual_override. Idempotent."
  static examples = ['<%= config.bin %> orgs domains verify acme orgdmn_2abc']
  static args = orgDomainArgs

  async run(): Promise<void> {
    const d = await verifyOrgDomainOwnership(await this.client(), this.args.org, this.args.id)
    await printOne(d, {
      format: this.format,
      columns: orgDomainColumns(this.format),
      defaults: ORG_DOMAIN_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
