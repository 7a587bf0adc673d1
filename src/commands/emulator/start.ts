import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {plural} from '../../lib/util/plural.js'

export default class EmulatorStart extends ClerkCommand<typeof EmulatorStart> {
  static summary = 'Run a local Clerk Backend API emulator'
  // it serves the API rather than calling it: none of the global (client) flags apply
  static baseFlags = {} as typeof ClerkCommand.baseFlags
  static resolvesConfig = false

  static description = `Serves Clerk's Backend API (under /v1) on a local port with in-memory users, Clerk's rate limits
and error shapes. Point clerk-admin or @clerk/backend at it with the printed export lines.
Runs until interrupted (Ctrl-C / SIGTERM); with --persist the state is saved on exit and loaded on the next start.`

  static examples = [
    {
      command: '<%= config.bin %> <%= command.id %> --port 8787',
      description: 'Start on a fixed port and print the export lines',
    },
    {
      command: '<%= config.bin %> <%= command.id %> --users 500 --secret-key sk_test_local',
      description: 'Seed 500 users; a fixed key stays valid across restarts',
    },
    {
      command: '<%= config.bin %> <%= command.id %> --seed fixtures/sample-users.json --rate-limit off',
      description: 'Load sample users, no rate limiting',
    },
    {
      command: '<%= config.bin %> <%= command.id %> --persist .clerk-emulator.json --users 1000',
      description: 'Keep state across restarts',
    },
    {
      command:
        '<%= config.bin %> <%= command.id %> --webhook \'http://localhost:3000/api/webhooks#user.*,organization.*\' --webhook-secret "$CLERK_WEBHOOK_SIGNING_SECRET"',
      description: "Deliver Svix-signed webhooks for users and organizations to your app's handler",
    },
    {
      command: '<%= config.bin %> <%= command.id %> --rate-limit 20/10s --latency 50',
      description: 'A stricter and slower instance, to exercise throttling',
    },
  ]

  static flags = {
    port: Flags.integer({description: 'port to listen on (0 = any free port)', default: 0, min: 0, max: 65_535}),
    host: Flags.string({description: 'interface to bind', default: '127.0.0.1'}),
    seed: Flags.string({description: 'JSON state file to load at start (e.g. fixtures/sample-users.json)'}),
    persist: Flags.string({description: 'JSON state file: loaded if it exists, written on exit'}),
    'rate-limit': Flags.string({
      description: 'instance rate limit N/<window> (e.g. 100/10s) or "off" [default: by key kind, as Clerk]',
    }),
    'secret-key': Flags.string({description: 'secret key clients must send [default: a generated sk_test_ key]'}),
    users: Flags.integer({description: 'add N generated sample users at start', min: 0}),
    latency: Flags.integer({description: 'milliseconds added to every response', min: 0}),
    webhook: Flags.string({
      multiple: true,
      description:
        'POST a Svix-signed webhook for every change to this URL (repeatable); event types after #, e.g. URL#user.*,session.created',
    }),
    'webhook-secret': Flags.string({
      multiple: true,
      description: 'whsec_ signing secret: one for every --webhook, or one per --webhook in order [default: generated]',
    }),
    'webhook-retry-schedule': Flags.string({
      description:
        "delays before each retry of a failed delivery, e.g. 1s,5s,30s [default: Svix's 5s,5m,30m,2h,5h,10h,10h]",
    }),
    'user-cap': Flags.integer({
      description: "refuse creates past N users (403 user_quota_exceeded), as Clerk's development instances do at 100",
      min: 1,
    }),
  }

  async run(): Promise<void> {
    const {flags} = this
    const [{startEmulator}, {parseRate}, {webhookEndpoints, retrySchedule}] = await Promise.all([
      import('../../emulator/server.js'),
      import('../../lib/http/rate.js'),
      import('../../lib/webhooks/emulator-flags.js'),
    ])
    let webhooks, webhookRetryDelaysMs, rateLimit
    try {
      webhooks = webhookEndpoints(flags.webhook ?? [], flags['webhook-secret'] ?? [])
      webhookRetryDelaysMs = retrySchedule(flags['webhook-retry-schedule'])
      const rate = flags['rate-limit']
      rateLimit = rate === undefined ? undefined : rate === 'off' ? ('off' as const) : parseRate(rate)
    } catch (error) {
      this.error((error as Error).message, {exit: 2})
    }
    const emu = await startEmulator({
      port: flags.port,
      host: flags.host,
      seed: flags.seed,
      persist: flags.persist,
      rateLimit,
      secretKey: flags['secret-key'],
      latencyMs: flags.latency,
      webhooks,
      webhookRetryDelaysMs,
      userCap: flags['user-cap'],
    }).catch((error: Error) => this.error(`cannot start the emulator: ${error.message}`, {exit: 1}))
    if (flags.users) emu.store.seedUsers(flags.users)

    this.log(emu.url)
    this.log(`export CLERK_API_URL=${emu.url}`)
    this.log(`export CLERK_SECRET_KEY=${emu.secretKey}`)
    this.log(`export CLERK_PUBLISHABLE_KEY=${emu.publishableKey}`)
    emu.webhooks.endpoints.forEach((ep, i) => {
      if (i === 0) this.log(`export CLERK_WEBHOOK_SIGNING_SECRET=${ep.secret}`)
      else this.log(`# webhook ${ep.id} ${ep.url}: ${ep.secret}`)
      const events = ep.events.length ? ep.events.join(', ') : 'every event'
      this.logToStderr(`Webhooks: ${ep.url} (${events}), deliveries at ${emu.url}/__emulator/webhooks/deliveries`)
    })
    this.logToStderr(`Clerk BAPI emulator: ${plural(emu.store.users.size, 'user')}. Press Ctrl-C to stop.`)

    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'))
      process.once('SIGTERM', () => resolve('SIGTERM'))
    })
    await emu.stop()
    this.logToStderr(flags.persist ? `${signal}: state saved to ${flags.persist}` : `${signal}: stopped`)
  }
}
