import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'

export default class WebhooksPortal extends ClerkCommand<typeof WebhooksPortal> {
  static safety = 'write' as const
  static summary = "Print (or open) a one-time link to the instance's Svix dashboard: deliveries, replays, endpoints"
  static description = `Calls POST /v1/webhooks/svix_url. The link signs you in to Svix's dashboard for this instance, where
deliveries can be inspected and replayed. The local emulator answers with its own delivery log's URL.`
  static examples = ['<%= config.bin %> webhooks portal', '<%= config.bin %> webhooks portal --open']
  static flags = {
    open: Flags.boolean({description: 'open the link in the default browser'}),
  }

  async run(): Promise<void> {
    const [{svixDashboardUrl, openInBrowser}, {out}] = await Promise.all([
      import('../../lib/webhooks/portal.js'),
      import('../../lib/output/writer.js'),
    ])
    const url = await svixDashboardUrl(await this.client())
    if (this.format === 'json') await out(`${JSON.stringify({svix_url: url}, null, 2)}\n`)
    else await out(`${url}\n`)
    if (this.flags.open)
      await openInBrowser(url).catch((error: Error) => this.warn(`cannot open a browser: ${error.message}`))
  }
}
