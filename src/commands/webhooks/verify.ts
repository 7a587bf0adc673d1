import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'

export default class WebhooksVerify extends ClerkCommand<typeof WebhooksVerify> {
  static safety = 'read' as const
  static summary = "Verify a webhook delivery offline with the endpoint's signing secret (as Clerk's SDK does)"
  static description = `Runs @clerk/backend's verifyWebhook on the raw body and the svix-id, svix-timestamp and svix-signature
headers. Exit 0 valid, 3 invalid (the reason in one line: bad signature, timestamp outside tolerance,
missing header, wrong secret format). The body must be the bytes exactly as received.`
  static examples = [
    "<%= config.bin %> webhooks verify --body body.json -H 'svix-id: msg_2x…' -H 'svix-timestamp: 1717000000' -H 'svix-signature: v1,…'",
    '<%= config.bin %> webhooks verify --request delivery.http --tolerance 86400 -o json',
    'curl … | <%= config.bin %> webhooks verify --body - -H "svix-id: $ID" -H "svix-timestamp: $TS" -H "svix-signature: $SIG"',
  ]
  static resolvesConfig = false
  static flags = {
    secret: Flags.string({description: 'the endpoint signing secret, whsec_… (env CLERK_WEBHOOK_SIGNING_SECRET)'}),
    body: Flags.string({description: 'the raw body: a file, or - for stdin'}),
    header: Flags.string({char: 'H', multiple: true, description: "a header, 'name: value' (repeatable)"}),
    request: Flags.string({
      description: 'a saved raw HTTP request (headers, blank line, body) or a JSON file {"headers": {…}, "body": "…"}',
    }),
    tolerance: Flags.integer({
      min: 0,
      description: "accepted age of svix-timestamp in seconds [default: 300, the SDK's]",
    }),
  }

  async run(): Promise<void> {
    const [{readDelivery}, {resolveSecret}, {verifyDelivery, invalidError}, {out}] = await Promise.all([
      import('../../lib/webhooks/input.js'),
      import('../../lib/webhooks/secret.js'),
      import('../../lib/webhooks/verify.js'),
      import('../../lib/output/writer.js'),
    ])
    const secret = resolveSecret(this.flags.secret)
    const delivery = await readDelivery(this.flags)
    const result = await verifyDelivery(delivery, secret, {toleranceSeconds: this.flags.tolerance})
    if (!result.valid) throw invalidError(result)
    if (this.format === 'json') return out(`${JSON.stringify(result.event, null, 2)}\n`)
    if (this.format === 'ndjson') return out(`${JSON.stringify(result.event)}\n`)
    const {renderRecord} = await import('../../lib/output/table.js')
    const rows: [string, unknown][] = [
      ['VALID', 'yes'],
      ['TYPE', result.type],
      ['SVIX ID', result.id],
      ['OBJECT ID', result.object_id ?? ''],
      ['SENT AT', new Date(result.timestamp * 1000).toISOString()],
    ]
    await out(`${await renderRecord(rows)}\n`)
  }
}
