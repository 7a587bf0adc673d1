import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {yesFlag} from '../../../lib/oclif/user-flags.js'
import {removeOrgDomain} from '../../../lib/resources/org-domains.js'
import {printDeleted} from '../../../lib/resources/rows.js'
import {orgDomainArgs} from './update.js'

export default class OrgsDomainsRemove extends ClerkCommand<typeof OrgsDomainsRemove> {
  static safety = 'destructive' as const
  static summary = 'Remove a domain from an organization'
  static description =
    'Calls DELETE /v1/organizations/{organization_id}/domains/{domain_id}. Asks first; --yes when there is no terminal.'
  static examples = [
    '<%= config.bin %> orgs domains remove acme orgdmn_2abc',
    '<%= config.bin %> orgs domains remove acme orgdmn_2abc --dry-run',
  ]
  static args = orgDomainArgs
  static flags = {...yesFlag, 'dry-run': Flags.boolean({description: 'say what would be sent; send nothing'})}

  async run(): Promise<void> {
    const {org, id} = this.args
    await this.confirm(`remove domain ${id} from organization ${org}`, {typed: id, yes: this.flags.yes})
    await printDeleted(await removeOrgDomain(await this.client(), org, id), this.format)
  }
}
