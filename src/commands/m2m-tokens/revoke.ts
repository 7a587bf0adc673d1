import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {destructiveFlags, reasonFlag} from '../../lib/oclif/machine-flags.js'
import {printOne} from '../../lib/output/writer.js'
import {m2mColumns, revokeM2mToken} from '../../lib/resources/machines/m2m-tokens.js'

export default class M2mTokensRevoke extends ClerkCommand<typeof M2mTokensRevoke> {
  static safety = 'destructive' as const
  static summary = 'Revoke an M2M token (it stops verifying at once)'
  static description = 'Calls POST /m2m_tokens/{m2m_token_id}/revoke. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> m2m-tokens revoke mt_f7f0ba8c3b4843ce7d85fcdd5e71853e --yes']
  static args = {id: idArg('mt', {required: true, description: 'M2M token id (mt_...)'})}
  static flags = {...destructiveFlags, ...reasonFlag}

  async run(): Promise<void> {
    const {id} = this.args
    await this.confirm(`revoke M2M token ${id}`, {typed: id, yes: this.flags.yes || this.flags['dry-run']})
    await printOne(await revokeM2mToken(await this.client(), id, this.flags.reason), {
      format: this.format,
      columns: m2mColumns(this.format),
      defaults: ['id', 'subject', 'revoked', 'revocation_reason'],
      select: this.selectedColumns,
    })
  }
}
