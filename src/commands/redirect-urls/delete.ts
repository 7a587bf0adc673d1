import {Flags} from '@oclif/core'

import {deleteRedirectUrl} from '../../lib/resources/redirect-urls.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printDeleted} from '../../lib/resources/rows.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class RedirectUrlsDelete extends ClerkCommand<typeof RedirectUrlsDelete> {
  static safety = 'destructive' as const
  static summary = 'Remove an allowed redirect URL'
  static description = 'Calls DELETE /v1/redirect_urls/{id}. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> redirect-urls delete ru_2abc --yes']
  static args = {id: idArg('ru', {required: true, description: 'redirect URL id (ru_...)'})}
  static flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<void> {
    await this.confirm(`delete redirect URL ${this.args.id}`, {typed: this.args.id, yes: this.flags.yes})
    await printDeleted(await deleteRedirectUrl(await this.client(), this.args.id), this.format)
  }
}
