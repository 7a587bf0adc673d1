import {Args, Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {idArg} from '../../../lib/oclif/id-args.js'
import {printOne} from '../../../lib/output/writer.js'
import {
  ENROLLMENT_MODES,
  ORG_DOMAIN_DEFAULTS,
  addOrgDomain,
  orgDomainColumns,
} from '../../../lib/resources/org-domains.js'

export const enrollmentModeFlag = Flags.string({
  options: [...ENROLLMENT_MODES],
  description: 'how people with an address at the domain join (automatic_* must be enabled in the instance settings)',
})

export default class OrgsDomainsAdd extends ClerkCommand<typeof OrgsDomainsAdd> {
  static safety = 'write' as const
  static summary = 'Add a domain to an organization'
  static description =
    'Calls POST /v1/organizations/{organization_id}/domains. Clerk marks it verified unless --no-verified. Needs domains enabled in the organization settings (clerk instance get).'
  static examples = [
    '<%= config.bin %> orgs domains add acme acme.com',
    '<%= config.bin %> orgs domains add acme acme.com --enrollment-mode automatic_invitation --no-verified',
  ]
  static args = {
    org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'}),
    domain: Args.string({required: true, description: 'the domain name, e.g. acme.com'}),
  }
  static flags = {
    'enrollment-mode': enrollmentModeFlag,
    verified: Flags.boolean({allowNo: true, description: 'mark it verified (Clerk: the default) or not'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const body = {
      name: this.args.domain,
      enrollment_mode: f['enrollment-mode'] ?? 'manual_invitation',
      ...(f.verified === undefined ? {} : {verified: f.verified}),
    }
    const d = await addOrgDomain(await this.client(), this.args.org, body)
    await printOne(d, {
      format: this.format,
      columns: orgDomainColumns(this.format),
      defaults: ORG_DOMAIN_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
