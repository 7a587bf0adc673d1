import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'

export default class WebhooksListen extends ClerkCommand<typeof WebhooksListen> {
  static safety = 'read' as const
  static summary = 'Receive webhook deliveries locally: verify each one, print it, optionally forward it'
  static description = `Listens on a local port. Each delivery is verified with @clerk/backend's verifyWebhook and printed as one
NDJSON line (a readable line at a terminal); valid deliveries are answered 200, invalid ones 400 with the
reason. With --forward-to, verified deliveries are passed on unchanged (raw body and headers) and the
sender gets your handler's status, so a failing handler is retried. Runs until interrupted.`
  static examples = [
    '<%= config.bin %> webhooks listen --port 8788 --secret "$CLERK_WEBHOOK_SIGNING_SECRET"',
    '<%= config.bin %> webhooks listen --port 8788 --forward-to http://localhost:3000/api/webhooks > deliveries.ndjson',
  ]
  static resolvesConfig = false
  static flags = {
    port: Flags.integer({description: 'port to listen on (0 = any free port)', default: 8788, min: 0, max: 65_535}),
    host: Flags.string({description: 'interface to bind', default: '127.0.0.1'}),
    secret: Flags.string({description: 'the endpoint signing secret, whsec_… (env CLERK_WEBHOOK_SIGNING_SECRET)'}),
    'forward-to': Flags.string({description: 'pass verified deliveries on to this URL (your handler)'}),
    tolerance: Flags.integer({min: 0, description: 'accepted age of svix-timestamp in seconds [default: 300]'}),
  }

  async run(): Promise<void> {
    const [{resolveSecret}, {startListener, readableLine}, {checkUrl}] = await Promise.all([
      import('../../lib/webhooks/secret.js'),
      import('../../lib/webhooks/listen.js'),
      import('../../lib/webhooks/http.js'),
    ])
    const secret = resolveSecret(this.flags.secret)
    const forwardTo = this.flags['forward-to'] ? checkUrl(this.flags['forward-to'], '--forward-to') : undefined
    const readable = this.format === 'table' && process.stdout.isTTY && !(this.flags as {output?: string}).output
    const listener = await startListener({
      port: this.flags.port,
      host: this.flags.host,
      secret,
      forwardTo,
      toleranceSeconds: this.flags.tolerance,
      onDelivery: (r) => process.stdout.write(`${readable ? readableLine(r) : JSON.stringify(r)}\n`),
    }).catch((error: Error) => this.error(`cannot listen: ${error.message}`, {exit: 1}))
    this.note(
      `Listening for webhooks on ${listener.url}${forwardTo ? `, forwarding to ${forwardTo}` : ''}. Ctrl-C to stop.`,
    )
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'))
      process.once('SIGTERM', () => resolve('SIGTERM'))
    })
    await listener.close()
    this.note(`${signal}: stopped`)
  }
}
