import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {printOne} from '../../lib/output/writer.js'
import {DOMAIN_DEFAULTS, domainColumns, updateDomain} from '../../lib/resources/domains.js'

export default class DomainsUpdate extends ClerkCommand<typeof DomainsUpdate> {
  static safety = 'write' as const
  static summary = "Change a domain's name, proxy URL or secondary flag"
  static description =
    "Calls PATCH /v1/domains/{domain_id}. The proxy URL can be changed on production instances only; --no-proxy-url switches back to DNS. Renaming a production instance's primary domain needs its DNS and email set up first (expect downtime otherwise)."
  static examples = [
    '<%= config.bin %> domains update dmn_2abc --name app3.example.com',
    '<%= config.bin %> domains update dmn_2abc --proxy-url https://example.com/__clerk',
  ]
  static args = {id: idArg('dmn', {required: true, description: 'domain id (dmn_...)'})}
  static flags = {
    name: Flags.string({description: 'the new domain name (no scheme)'}),
    'proxy-url': Flags.string({description: "the proxy URL forwarding to Clerk's Frontend API"}),
    'no-proxy-url': Flags.boolean({description: 'remove the proxy URL (back to DNS)', exclusive: ['proxy-url']}),
    secondary: Flags.boolean({allowNo: true, description: 'a domain of a secondary app (its subdomain is kept)'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const body = {
      ...(f.name === undefined ? {} : {name: f.name}),
      ...(f['proxy-url'] === undefined ? {} : {proxy_url: f['proxy-url']}),
      ...(f['no-proxy-url'] ? {proxy_url: null} : {}),
      ...(f.secondary === undefined ? {} : {is_secondary: f.secondary}),
    }
    const d = await updateDomain(await this.client(), this.args.id, body)
    await printOne(d, {
      format: this.format,
      columns: domainColumns(this.format),
      defaults: DOMAIN_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
