import {Args} from '@oclif/core'

import {createRedirectUrl, redirectColumns} from '../../lib/resources/redirect-urls.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'

export default class RedirectUrlsCreate extends ClerkCommand<typeof RedirectUrlsCreate> {
  static safety = 'write' as const
  static summary = 'Allow a redirect URL'
  static description = 'Calls POST /v1/redirect_urls.'
  static examples = [
    '<%= config.bin %> redirect-urls create myapp://oauth-callback',
    '<%= config.bin %> redirect-urls create https://app.example.com/callback',
  ]
  static args = {url: Args.string({required: true, description: 'URL with a scheme'})}

  async run(): Promise<void> {
    const r = await createRedirectUrl(await this.client(), this.args.url)
    await printOne(r, {
      format: this.format,
      columns: redirectColumns(this.format),
      defaults: ['id', 'url', 'created'],
      select: this.selectedColumns,
    })
  }
}
