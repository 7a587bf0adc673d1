import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {idArg} from '../../../lib/oclif/id-args.js'
import {printList} from '../../../lib/output/writer.js'
import {
  ALL_ORG_DOMAIN_DEFAULTS,
  ORG_DOMAIN_DEFAULTS,
  listAllOrgDomains,
  listOrgDomains,
  orgDomainColumns,
} from '../../../lib/resources/org-domains.js'
import {usageError} from '../../../lib/util/errors.js'

export default class OrgsDomainsList extends ClerkCommand<typeof OrgsDomainsList> {
  static safety = 'read' as const
  static summary = "List an organization's domains, or every organization's with --all-orgs"
  static description =
    'Calls GET /v1/organizations/{organization_id}/domains, or GET /v1/organization_domains with --all-orgs, page by page.'
  static examples = [
    '<%= config.bin %> orgs domains list acme',
    '<%= config.bin %> orgs domains list --all-orgs --no-verified -o csv',
    '<%= config.bin %> orgs domains list --all-orgs --enrollment-mode -manual_invitation --query example',
  ]
  static args = {org: idArg('org', {slug: true, description: 'organization id (org_...) or slug'})}
  static flags = {
    'all-orgs': Flags.boolean({description: 'every organization of the instance (no ORG)'}),
    verified: Flags.boolean({allowNo: true, description: 'only verified (--no-verified: only unverified) domains'}),
    'enrollment-mode': Flags.string({
      multiple: true,
      description: 'only this enrollment mode; a leading - excludes it (repeatable with --all-orgs)',
    }),
    query: Flags.string({char: 'q', description: 'with --all-orgs: domain name contains this (or an org_ id)'}),
    domain: Flags.string({multiple: true, description: 'with --all-orgs: exactly this domain name (repeatable)'}),
    'order-by': Flags.string({description: 'with --all-orgs: name or created_at, +/- prefixed [default: -created_at]'}),
    limit: Flags.integer({min: 1, description: 'show at most this many'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    if (Boolean(f['all-orgs']) === Boolean(this.args.org))
      throw usageError('give an organization or --all-orgs (not both)', 'e.g. clerk orgs domains list acme')
    const instanceWide = ['query', 'domain', 'order-by'].filter((k) => f[k as keyof typeof f] !== undefined)
    if (!f['all-orgs'] && instanceWide.length) throw usageError(`--${instanceWide[0]} goes with --all-orgs`)
    const client = await this.client()
    const filter = {verified: f.verified, enrollmentModes: f['enrollment-mode'], limit: f.limit}
    const rows = f['all-orgs']
      ? listAllOrgDomains(client, {...filter, query: f.query, domains: f.domain, orderBy: f['order-by']})
      : await listOrgDomains(client, this.args.org!, filter)
    await printList(rows, {
      format: this.format,
      columns: orgDomainColumns(this.format),
      defaults: f['all-orgs'] ? ALL_ORG_DOMAIN_DEFAULTS : ORG_DOMAIN_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
