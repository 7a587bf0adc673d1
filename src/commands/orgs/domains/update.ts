import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {idArg} from '../../../lib/oclif/id-args.js'
import {printOne} from '../../../lib/output/writer.js'
import {ORG_DOMAIN_DEFAULTS, orgDomainColumns, updateOrgDomain} from '../../../lib/resources/org-domains.js'
import {enrollmentModeFlag} from './add.js'

export const orgDomainArgs = {
  org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'}),
  id: idArg('orgdmn', {required: true, description: 'organization domain id (orgdmn_...)'}),
}

export default class OrgsDomainsUpdate extends ClerkCommand<typeof OrgsDomainsUpdate> {
  static safety = 'write' as const
  static summary = "Change an organization domain's enrollment mode or verification"
  static description =
    'Calls PATCH /v1/organizations/{organization_id}/domains/{domain_id}. --verified / --no-verified set the affiliation verification; `orgs domains verify` marks DNS ownership verified.'
  static examples = [
    '<%= config.bin %> orgs domains update acme orgdmn_2abc --enrollment-mode automatic_suggestion',
    '<%= config.bin %> orgs domains update acme orgdmn_2abc --verified',
  ]
  static args = orgDomainArgs
  static flags = {
    'enrollment-mode': enrollmentModeFlag,
    verified: Flags.boolean({allowNo: true, description: 'mark it verified, or (--no-verified) unverified'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const body = {
      ...(f['enrollment-mode'] ? {enrollment_mode: f['enrollment-mode']} : {}),
      ...(f.verified === undefined ? {} : {verified: f.verified}),
    }
    const d = await updateOrgDomain(await this.client(), this.args.org, this.args.id, body)
    await printOne(d, {
      format: this.format,
      columns: orgDomainColumns(this.format),
      defaults: ORG_DOMAIN_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
