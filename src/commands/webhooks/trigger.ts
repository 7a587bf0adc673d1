import {Args, Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {CliError, ExitCode} from '../../lib/util/errors.js'

export default class WebhooksTrigger extends ClerkCommand<typeof WebhooksTrigger> {
  static safety = 'read' as const
  static summary = 'POST one Svix-signed Clerk event to your webhook endpoint'
  static description = `Sends an event in Clerk's envelope (data, object: "event", type, timestamp, instance_id, event_attributes)
with a realistic payload for the type, or your own with --data, signed with the endpoint's secret as Svix
signs it. Prints the endpoint's status and body; exit 1 when it does not answer 2xx.`
  static examples = [
    '<%= config.bin %> webhooks trigger user.created --url http://localhost:3000/api/webhooks --secret "$CLERK_WEBHOOK_SIGNING_SECRET"',
    '<%= config.bin %> webhooks trigger organizationMembership.created --url http://localhost:3000/api/webhooks --data membership.json',
  ]
  static resolvesConfig = false
  static args = {
    event: Args.string({required: true, description: 'event type, e.g. user.created, session.revoked, email.created'}),
  }
  static flags = {
    url: Flags.string({required: true, description: 'your endpoint, e.g. http://localhost:3000/api/webhooks'}),
    secret: Flags.string({description: 'the endpoint signing secret, whsec_… (env CLERK_WEBHOOK_SIGNING_SECRET)'}),
    data: Flags.string({description: "a JSON file (or -) with the event's data, or a whole event"}),
    'instance-id': Flags.string({description: 'instance_id in the envelope [default: a generated ins_ id]'}),
  }

  async run(): Promise<void> {
    const [{resolveSecret, requireSigningSecret}, {triggerEvent}, {checkUrl}, {out}] = await Promise.all([
      import('../../lib/webhooks/secret.js'),
      import('../../lib/webhooks/trigger.js'),
      import('../../lib/webhooks/http.js'),
      import('../../lib/output/writer.js'),
    ])
    const secret = requireSigningSecret(resolveSecret(this.flags.secret))
    const result = await triggerEvent({
      type: this.args.event,
      url: checkUrl(this.flags.url, '--url'),
      secret,
      dataFile: this.flags.data,
      instanceId: this.flags['instance-id'],
    })
    if (this.format === 'json') await out(`${JSON.stringify(result, null, 2)}\n`)
    else if (this.format === 'ndjson') await out(`${JSON.stringify(result)}\n`)
    else {
      this.note(`${result.type} ${result.svix_id} -> ${result.url}: HTTP ${result.status}`)
      await out(result.body.endsWith('\n') || result.body === '' ? result.body : `${result.body}\n`)
    }
    if (!result.ok) throw new CliError(`the endpoint answered HTTP ${result.status}`, ExitCode.FAILURE)
  }
}
