import {Command, Errors, Flags, type Interfaces} from '@oclif/core'

import type {Client, WriteRequest} from '../http/client.js'
import {
  type Config,
  type ConfigFlags,
  OUTPUT_FORMATS,
  type OutputFormat,
  instanceKind,
  resolveConfig,
} from '../config/resolve.js'
import {CliError, ExitCode, toCliError, usageError} from '../util/errors.js'
import {type Safety, safetyState} from '../util/safety.js'
import {checkBulkOnlyFlags} from './bulk-flags.js'
import {describeWouldSend} from './dry-run.js'
import {maskSecret} from '../util/mask.js'
import {redactSecrets as redact} from '../util/redact.js'
import {confirmDestructive} from '../output/prompts.js'
import type {JqProgram} from '../output/jq.js'
import {out, setDataSink} from '../output/writer.js'
import {type CommandShape, displayId, explainParseError} from './parse-errors.js'
import {productionMarker} from '../output/tty.js'
import {agentErrorLine, isAgentMode} from './agent-mode.js'

/** `Warning: the environment overrides profile other: CLERK_SECRET_KEY over secret-key` (once, on stderr). */
export const envOverrideNotice = (cfg: Config) =>
  `the environment overrides profile ${cfg.profile}: ${cfg.envOverrides.join(', ')} (unset them to use the profile)`

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<
  (typeof ClerkCommand)['baseFlags'] & T['flags']
>
interface JqFlags {
  jq?: string
  'raw-output'?: boolean
  slurp?: boolean
  output?: string
}

export type Args<T extends typeof Command> = Interfaces.InferredArgs<T['args']>

/**
 * The base of every BAPI command: global flags, one resolved Config, the shared client, output format,
 * and errors turned into one line and a documented exit code (see errors.ts).
 */
export abstract class ClerkCommand<T extends typeof Command = typeof Command> extends Command {
  static baseFlags = {
    'api-url': Flags.string({
      helpGroup: 'GLOBAL',
      description: 'Backend API URL (env CLERK_API_URL; default https://api.clerk.com)',
    }),
    'api-version': Flags.string({
      helpGroup: 'GLOBAL',
      description: 'API version path segment (env CLERK_API_VERSION) [default: v1]',
    }),
    'secret-key': Flags.string({
      helpGroup: 'GLOBAL',
      description: 'secret key; prefer env CLERK_SECRET_KEY (a flag shows in `ps`)',
    }),
    profile: Flags.string({helpGroup: 'GLOBAL', description: 'named profile from `clerk config` (env CLERK_PROFILE)'}),
    output: Flags.string({
      char: 'o',
      helpGroup: 'GLOBAL',
      options: [...OUTPUT_FORMATS],
      description: 'output format [default: table]',
    }),
    json: Flags.boolean({helpGroup: 'GLOBAL', description: 'same as --output json'}),
    columns: Flags.string({
      helpGroup: 'GLOBAL',
      description: 'comma-separated columns (table, csv) or fields, dotted paths allowed (json, ndjson)',
    }),
    wide: Flags.boolean({
      helpGroup: 'GLOBAL',
      description: 'tables at full width (default: fit the terminal, 80 piped)',
    }),
    jq: Flags.string({
      helpGroup: 'GLOBAL',
      description: "jq expression run on BAPI's JSON (each item of a list or stream); one result per line",
    }),
    'raw-output': Flags.boolean({char: 'r', helpGroup: 'GLOBAL', description: 'with --jq: print strings raw'}),
    slurp: Flags.boolean({helpGroup: 'GLOBAL', description: 'with --jq: collect every item into one array first'}),
    'rate-limit': Flags.string({
      helpGroup: 'GLOBAL',
      description: 'request budget, e.g. 100/10s (default from the key: sk_live_ 1000/10s, sk_test_ 100/10s)',
    }),
    concurrency: Flags.integer({
      helpGroup: 'GLOBAL',
      min: 1,
      max: 64,
      description: 'most requests in flight at once [default: 8]',
    }),
    timeout: Flags.string({helpGroup: 'GLOBAL', description: 'per-request timeout, e.g. 30s [default: 30s]'}),
    'no-input': Flags.boolean({
      helpGroup: 'GLOBAL',
      description: 'never prompt (implied when not at a terminal or CI is set)',
    }),
    verbose: Flags.boolean({
      helpGroup: 'GLOBAL',
      description: 'log each request and a summary on stderr (secret masked)',
    }),
    'limiter-redis': Flags.string({
      helpGroup: 'GLOBAL',
      description:
        'share one rate budget per instance through Redis, e.g. redis://127.0.0.1:6379 (env CLERK_LIMITER_REDIS_URL)',
    }),
    mode: Flags.string({
      helpGroup: 'GLOBAL',
      options: ['human', 'agent'],
      description: 'agent: never prompt, JSON output, errors as JSON on stderr (env CLERK_ADMIN_MODE)',
    }),
    'limiter-redis-optional': Flags.boolean({
      helpGroup: 'GLOBAL',
      description: 'if that Redis is unreachable at start, warn and use a local limiter instead of failing',
    }),
  }

  /** false for commands that manage profiles themselves (`clerk config ...`): no Config is resolved in init */
  static resolvesConfig = true

  /**
   * What the command does, declared by every command (test/guards/safety.test.ts checks it):
   * - 'read': only reads; a changing request is refused (a bug, exit 1; nothing is sent)
   * - 'write': creates or changes things
   * - 'destructive': deletes, removes, revokes, bans, locks, changes roles: every changing request is
   *   refused until `this.confirm()` (or the bulk runner's confirmation) succeeded; give it a --yes flag
   * Whatever the level, --dry-run / --validate-only (when the command offers them) let no changing
   * request out: the shared client refuses it and the command prints what it would have sent.
   */
  static safety?: Safety

  /** requests a dry run refused: printed as "would send …" when the command ends */
  private wouldSend: WriteRequest[] = []
  /** the first refusal of the write guard: reported even when the SDK wrapped it in its own error */
  private refusal?: CliError

  protected flags!: BaseFlags<T>
  protected args!: Args<T>
  protected cfg!: Config
  /** --jq, compiled in init (before any request); printList/printOne/printJson print through it */
  protected jq?: JqProgram
  private clientPromise?: Promise<Client>

  async init(): Promise<void> {
    await super.init()
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    })
    const ctor = this.ctor as typeof ClerkCommand
    const {args, flags} = await this.parse({
      args: ctor.args,
      baseFlags: (super.ctor as typeof ClerkCommand).baseFlags,
      flags: ctor.flags,
      strict: ctor.strict,
    })
    this.flags = flags as BaseFlags<T>
    this.args = args as Args<T>
    const f = flags as Record<string, unknown>
    safetyState.dryRun = Boolean(f['dry-run'] || f['validate-only'])
    checkBulkOnlyFlags(ctor.flags ?? {}, f)
    if (flags.wide) (await import('../output/table.js')).configureTables({wide: true})
    if (ctor.resolvesConfig) {
      this.cfg = resolveConfig(flags as ConfigFlags)
      if (this.cfg.envOverrides.length > 0) this.warn(envOverrideNotice(this.cfg))
    }
    await this.compileJq(flags as JqFlags)
    if (this.cfg && isAgentMode()) this.cfg.interactive = false // agent mode never prompts
    if (ctor.resolvesConfig && flags['secret-key'])
      this.warn('--secret-key is visible to other users in `ps`; prefer CLERK_SECRET_KEY')
  }

  /** --jq: checked by jq itself before anything is sent (exit 2 with jq's message); implies JSON. */
  private async compileJq(f: JqFlags): Promise<void> {
    if (f.jq === undefined) {
      if (f['raw-output'] || f.slurp)
        throw usageError(`--${f.slurp ? 'slurp' : 'raw-output'} goes with --jq`, "e.g. --jq '.id' -r")
      return
    }
    if (f.output && f.output !== 'json' && f.output !== 'ndjson')
      throw usageError(`--jq prints JSON, not ${f.output}`, `drop -o ${f.output}`)
    const {JqProgram, printThroughJq} = await import('../output/jq.js')
    const program = await JqProgram.compile(f.jq, {raw: f['raw-output'], slurp: f.slurp})
    this.jq = program
    setDataSink({print: (rows) => printThroughJq(program, rows, (text) => out(text))})
  }

  /** The output format: --json or -o, else `fallback` (a table for people); --jq prints JSON. */
  protected get format(): OutputFormat {
    const f = this.flags as {json?: boolean; output?: string; jq?: string}
    if (f.json || f.jq !== undefined) return 'json'
    return (f.output as OutputFormat | undefined) ?? (isAgentMode() ? 'json' : 'table')
  }

  protected get selectedColumns(): string[] | undefined {
    const c = (this.flags as {columns?: string}).columns
    return c
      ? c
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined
  }

  /** The shared client (built once, lazily: @clerk/backend and bottleneck load only when a request is made). */
  protected client(): Promise<Client> {
    this.clientPromise ??= (async () => {
      const {getClient} = await import('../http/client.js')
      const client = await getClient(this.cfg, {
        version: this.config.version,
        notify: (m) => this.note(m),
        log: this.cfg.verbose ? (line) => this.note(`[http] ${line}`) : undefined,
        // a production key: a visible marker on stderr before the first request that changes data
        beforeWrite:
          instanceKind(this.cfg.secretKey) === 'production' ? () => this.note(productionMarker(this.cfg)) : undefined,
        guardWrite: (req) => this.guardWrite(req),
      })
      if (this.cfg.verbose) {
        this.note(
          `[clerk] ${this.cfg.apiUrl} · ${instanceKind(this.cfg.secretKey)} instance · key ${maskSecret(this.cfg.secretKey)}` +
            ` · budget ${this.cfg.rate.limit}/${this.cfg.rate.windowMs / 1000}s (${this.cfg.rateSource})`,
        )
      }
      return client
    })()
    return this.clientPromise
  }

  /**
   * The one rule for every changing request, raw or SDK (called by the shared client before it sends):
   * a dry run records it and refuses it; a read-only command may not send one; a destructive one only
   * after a confirmation. Throwing here means nothing was sent.
   */
  private guardWrite(req: WriteRequest): void {
    const ctor = this.ctor as typeof ClerkCommand
    const what = `${req.method} ${new URL(req.url).pathname}`
    if (safetyState.dryRun) {
      this.wouldSend.push(req)
      this.refusal ??= new CliError(`dry run: ${what} was not sent`, ExitCode.OK)
      throw this.refusal
    }
    if (ctor.safety === 'read') {
      this.refusal ??= new CliError(`internal error: ${this.id} is read-only but tried ${what}; nothing was sent`)
      throw this.refusal
    }
    if (this.confirmationRequired(req.method) && !safetyState.confirmed) {
      this.refusal ??= usageError(`refusing to send ${what} without confirmation`, 'add --yes to confirm')
      throw this.refusal
    }
  }

  /** Whether a changing request needs a confirmation first: destructive commands (`clerk api` decides per method). */
  protected confirmationRequired(_method: string): boolean {
    return (this.ctor as typeof ClerkCommand).safety === 'destructive'
  }

  /** The dry run's report: what would have been sent, on stderr (stdout carries data only). */
  private reportDryRun(): void {
    if (this.wouldSend.length === 0) return
    for (const req of this.wouldSend) this.note(`dry run: would send ${describeWouldSend(req)}`)
    this.note('Dry run: nothing was sent.')
    this.wouldSend = []
  }

  /**
   * Confirm a destructive action (src/lib/prompts.ts): asked at a terminal, typed out with a production key,
   * `--yes` required otherwise.
   */
  protected confirm(message: string, options: {typed: string; yes?: boolean}): Promise<void> {
    const production = instanceKind(this.cfg.secretKey) === 'production'
    return confirmDestructive({interactive: this.cfg.interactive, yes: options.yes}, message, {
      production,
      typed: options.typed,
    })
  }

  /** A warning on stderr, styled like errors (`Warning: ...`, not oclif's ` ›   Warning:`). */
  warn(input: string | Error): string | Error {
    const message = input instanceof Error ? input.message : input
    process.stderr.write(`Warning: ${redact(message, this.cfg?.secretKey)}\n`)
    return input
  }

  /** The command as users type it, with every flag it takes (for parse errors and did-you-mean). */
  protected shape(): CommandShape {
    const ctor = this.ctor as typeof ClerkCommand
    return {name: displayId(this.id), flags: {...ctor.baseFlags, ...ctor.flags} as CommandShape['flags']}
  }

  /** A line for people on stderr (never stdout, which carries data only). */
  protected note(message: string): void {
    process.stderr.write(`${redact(message, this.cfg?.secretKey)}\n`)
  }

  protected async finally(err: Error | undefined): Promise<void> {
    this.reportDryRun()
    if (this.clientPromise && this.cfg?.verbose) {
      const {limiter} = await this.clientPromise.catch(() => ({limiter: undefined}))
      if (limiter) {
        const s = limiter.stats
        this.note(
          `[clerk] requests: ${s.jobs}, 429s: ${s.rateLimited}, pauses: ${s.pauses} (${Math.round(s.pausedMs / 1000)}s)`,
        )
      }
    }
    if (this.clientPromise) (await this.clientPromise.catch(() => undefined))?.limiter.stop()
    return super.finally(err)
  }

  /** Every error becomes one line on stderr (plus a hint) and its exit code; a stack only with --verbose. */
  protected async catch(err: Error & {exitCode?: number}): Promise<never> {
    if (err instanceof Errors.ExitError) throw err
    if (this.wouldSend.length > 0) {
      // a dry run ends at the first changing request (or the command carried on past refusals): exit 0
      this.reportDryRun()
      throw new Errors.ExitError(ExitCode.OK)
    }
    const e = toCliError(this.refusal ?? explainParseError(err, this.shape()) ?? err)
    const secret = this.cfg?.secretKey
    if (isAgentMode()) {
      process.stderr.write(agentErrorLine(e, e.exitCode ?? ExitCode.FAILURE, (s) => redact(s, secret), this.config.bin))
      throw new Errors.ExitError(e.exitCode ?? ExitCode.FAILURE)
    }
    process.stderr.write(`Error: ${redact(e.message, secret)}\n`)
    if (e.extra.hint) process.stderr.write(`Hint: ${redact(e.extra.hint, secret)}\n`)
    if (this.cfg?.verbose && err.stack && !(err instanceof CliError))
      process.stderr.write(`${redact(err.stack, secret)}\n`)
    throw new Errors.ExitError(e.exitCode ?? ExitCode.FAILURE)
  }
}
