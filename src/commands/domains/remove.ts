import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {yesFlag} from '../../lib/oclif/user-flags.js'
import {removeDomain} from '../../lib/resources/domains.js'
import {printDeleted} from '../../lib/resources/rows.js'

export default class DomainsRemove extends ClerkCommand<typeof DomainsRemove> {
  static safety = 'destructive' as const
  static summary = 'Remove a satellite domain from the instance'
  static description =
    'Calls DELETE /v1/domains/{domain_id}. Only satellites can be removed (Clerk refuses the primary: HTTP 403). Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> domains remove dmn_2abc', '<%= config.bin %> domains remove dmn_2abc --dry-run']
  static args = {id: idArg('dmn', {required: true, description: 'domain id (dmn_...)'})}
  static flags = {...yesFlag, 'dry-run': Flags.boolean({description: 'say what would be sent; send nothing'})}

  async run(): Promise<void> {
    await this.confirm(`remove domain ${this.args.id} from the instance`, {typed: this.args.id, yes: this.flags.yes})
    await printDeleted(await removeDomain(await this.client(), this.args.id), this.format)
  }
}
