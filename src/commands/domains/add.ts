import {Args, Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {DOMAIN_DEFAULTS, addDomain, domainColumns} from '../../lib/resources/domains.js'

export default class DomainsAdd extends ClerkCommand<typeof DomainsAdd> {
  static safety = 'write' as const
  static summary = 'Add a satellite domain to the instance'
  static description =
    'Calls POST /v1/domains with is_satellite: true (an instance has one primary domain; every added domain is a satellite).'
  static examples = [
    '<%= config.bin %> domains add app2.example.com',
    '<%= config.bin %> domains add app2.example.com --proxy-url https://app2.example.com/__clerk',
  ]
  static args = {
    name: Args.string({required: true, description: 'the domain name (a development instance may add a :port)'}),
  }
  static flags = {
    'proxy-url': Flags.string({description: "the proxy forwarding to Clerk's Frontend API (production instances)"}),
  }

  async run(): Promise<void> {
    const d = await addDomain(await this.client(), this.args.name, this.flags['proxy-url'])
    await printOne(d, {
      format: this.format,
      columns: domainColumns(this.format),
      defaults: DOMAIN_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
