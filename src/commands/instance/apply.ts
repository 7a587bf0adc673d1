import {Args, Flags} from '@oclif/core'

import {instanceKind} from '../../lib/config/resolve.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {yesFlag} from '../../lib/oclif/user-flags.js'
import {applyPlan} from '../../lib/resources/instance/plan.js'
import {diffSettings, printPlan} from '../../lib/resources/instance/run.js'

export default class InstanceApply extends ClerkCommand<typeof InstanceApply> {
  static safety = 'write' as const
  static summary = 'Change the instance so it matches a settings file (only what differs)'
  static description = `Compares like \`instance diff\`, then sends one PATCH per group with changes (GET then PATCH /v1/instance, GET then PATCH /v1/instance/organization_settings, GET then PATCH /v1/instance/communication, GET then PATCH /v1/instance/protect and GET then PATCH /v1/instance/oauth_application_settings), holding only the keys that differ; read-only keys are never sent. Nothing differs: nothing is sent. With a production (sk_live_) key it asks first (type the instance id); --yes when there is no terminal.`
  static examples = [
    '<%= config.bin %> instance apply settings.yaml --dry-run',
    '<%= config.bin %> instance apply settings.yaml',
    'CLERK_PROFILE=prod <%= config.bin %> instance apply dev.yaml --yes',
  ]
  static args = {file: Args.string({required: true, description: 'settings file (YAML or JSON; - for stdin)'})}
  static flags = {
    'dry-run': Flags.boolean({description: 'print the changes and the requests; send nothing'}),
    ...yesFlag,
  }

  /** Changing a production instance's settings is confirmed like a destructive command. */
  protected confirmationRequired(method: string): boolean {
    return method !== 'GET' && instanceKind(this.cfg.secretKey) === 'production'
  }

  async run(): Promise<void> {
    const client = await this.client()
    const plan = await diffSettings(client, this.args.file)
    await printPlan(plan, this.format, (m) => this.note(m))
    if (plan.patches.length === 0) return
    if (this.confirmationRequired('PATCH'))
      await this.confirm(`apply ${plan.changes.length} setting change(s) to the production instance`, {
        typed: 'apply',
        yes: this.flags.yes,
      })
    const sent = await applyPlan(client, plan)
    if (sent) this.note(`applied: ${sent} request(s) sent`)
  }
}
