import {ClerkCommand} from '../../lib/oclif/command.js'
import {TEMPLATE_DEFAULTS, getTemplate, templateColumns} from '../../lib/resources/jwt-templates.js'
import {printOne} from '../../lib/output/writer.js'
import {idArg} from '../../lib/oclif/id-args.js'

export default class JwtTemplatesGet extends ClerkCommand<typeof JwtTemplatesGet> {
  static safety = 'read' as const
  static summary = 'Show one JWT template'
  static description = 'Calls GET /v1/jwt_templates/{template_id}.'
  static examples = [
    '<%= config.bin %> jwt-templates get jtmp_2abc',
    '<%= config.bin %> jwt-templates get jtmp_2abc -o json | jq .claims',
  ]
  static args = {id: idArg('jtmp', {required: true, description: 'template id (jtmp_...)'})}

  async run(): Promise<void> {
    const t = await getTemplate(await this.client(), this.args.id)
    await printOne(t, {
      format: this.format,
      columns: templateColumns(this.format),
      defaults: TEMPLATE_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
