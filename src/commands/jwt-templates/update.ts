import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {TEMPLATE_DEFAULTS, templateBody, templateColumns, updateTemplate} from '../../lib/resources/jwt-templates.js'
import {printOne} from '../../lib/output/writer.js'
import {templateFlags} from './create.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class JwtTemplatesUpdate extends ClerkCommand<typeof JwtTemplatesUpdate> {
  static safety = 'write' as const
  static summary = 'Change a JWT template (only the given fields)'
  static description =
    'Calls GET then PATCH /v1/jwt_templates/{template_id} (BAPI needs name and claims on every update; unchanged ones are kept).'
  static examples = [
    '<%= config.bin %> jwt-templates update jtmp_2abc --lifetime 300',
    '<%= config.bin %> jwt-templates update jtmp_2abc --claims @claims.json',
  ]
  static args = {id: idArg('jtmp', {required: true, description: 'template id (jtmp_...)'})}
  static flags = {name: Flags.string({description: 'new name'}), ...templateFlags}

  async run(): Promise<void> {
    const f = this.flags
    const changes = templateBody({
      name: f.name,
      claims: f.claims,
      lifetime: f.lifetime,
      allowed_clock_skew: f['clock-skew'],
      signing_algorithm: f['signing-algorithm'],
      signing_key: f['signing-key'],
    })
    const t = await updateTemplate(await this.client(), this.args.id, changes)
    await printOne(t, {
      format: this.format,
      columns: templateColumns(this.format),
      defaults: TEMPLATE_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
