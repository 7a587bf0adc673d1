import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {out, printJson} from '../../lib/output/writer.js'
import {readSettings} from '../../lib/resources/instance/groups.js'

export default class InstanceGet extends ClerkCommand<typeof InstanceGet> {
  static safety = 'read' as const
  static summary = "The instance's settings as one document (YAML or JSON), to edit and apply"
  static description = `Calls GET /v1/instance, GET /v1/instance/organization_settings, GET /v1/instance/communication, GET /v1/instance/protect and GET /v1/instance/oauth_application_settings, and prints them keyed by group (each group's "object" left out). The YAML header lists the read-only keys. Restrictions (/v1/instance/restrictions) can be set but not read through the API, so they are not in the document.`
  static examples = [
    '<%= config.bin %> instance get > settings.yaml',
    '<%= config.bin %> instance get -o json --jq .organization_settings',
    'CLERK_PROFILE=dev <%= config.bin %> instance get > dev.yaml && CLERK_PROFILE=prod <%= config.bin %> instance apply dev.yaml',
  ]
  static flags = {
    output: Flags.string({char: 'o', options: ['yaml', 'json'], description: 'output format [default: yaml]'}),
  }

  async run(): Promise<void> {
    const {doc, unreadable} = await readSettings(await this.client())
    for (const [group, why] of Object.entries(unreadable)) this.note(`note: ${group} not readable (${why}); left out`)
    if (this.format === 'json') return printJson(doc, 'json')
    const kind = String(doc.instance?.environment_type ?? 'the')
    const id = doc.instance?.id ? ` ${doc.instance.id}` : ''
    const {toYaml} = await import('../../lib/resources/instance/document.js')
    await out(await toYaml(doc, `${kind} instance${id} (${this.cfg.apiUrl})`))
  }
}
