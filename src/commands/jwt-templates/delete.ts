import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {deleteTemplate} from '../../lib/resources/jwt-templates.js'
import {printDeleted} from '../../lib/resources/rows.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class JwtTemplatesDelete extends ClerkCommand<typeof JwtTemplatesDelete> {
  static safety = 'destructive' as const
  static summary = 'Delete a JWT template'
  static description = 'Calls DELETE /v1/jwt_templates/{template_id}. Asks first; --yes when there is no terminal.'
  static examples = ['<%= config.bin %> jwt-templates delete jtmp_2abc --yes']
  static args = {id: idArg('jtmp', {required: true, description: 'template id (jtmp_...)'})}
  static flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<void> {
    await this.confirm(`delete JWT template ${this.args.id}`, {typed: this.args.id, yes: this.flags.yes})
    await printDeleted(await deleteTemplate(await this.client(), this.args.id), this.format)
  }
}
