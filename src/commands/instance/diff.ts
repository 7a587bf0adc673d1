import {Args} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {diffSettings, printPlan} from '../../lib/resources/instance/run.js'
import {ExitCode} from '../../lib/util/errors.js'

export default class InstanceDiff extends ClerkCommand<typeof InstanceDiff> {
  static safety = 'read' as const
  static summary = 'What applying a settings file would change (exit 6 when something would)'
  static description = `Reads the groups the file names (GET /v1/instance, GET /v1/instance/organization_settings, GET /v1/instance/communication, GET /v1/instance/protect and GET /v1/instance/oauth_application_settings) and prints one line per difference: "~ group.key: now -> file"; "+" for write-only keys (sent every time: they cannot be read back), "!" for read-only keys that differ (never sent). Keys the file leaves out are not compared. Exit 0: nothing to apply; 6: apply would send something; 2: the file is not a valid settings document.`
  static examples = [
    '<%= config.bin %> instance diff settings.yaml',
    '<%= config.bin %> instance diff settings.json -o json',
  ]
  static args = {
    file: Args.string({
      required: true,
      description: 'settings file (YAML or JSON, as `instance get` writes it; - for stdin)',
    }),
  }
  static flags = {}

  async run(): Promise<void> {
    const plan = await diffSettings(await this.client(), this.args.file)
    await printPlan(plan, this.format, (m) => this.note(m))
    if (plan.patches.length > 0) this.exit(ExitCode.DIFFERENCES)
  }
}
