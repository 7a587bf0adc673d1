import {ClerkCommand} from '../lib/oclif/command.js'
import {CliError, ExitCode} from '../lib/util/errors.js'
import {printOne} from '../lib/output/writer.js'
import {type WhoAmI, checkKey, describeConfig, keyVerdict} from '../lib/config/whoami.js'

const col = (key: keyof WhoAmI, header: string) => ({header, get: (w: WhoAmI) => w[key]})
const columns = {
  profile: col('profile', 'PROFILE'),
  instance: col('instance', 'INSTANCE'),
  api_url: col('api_url', 'API URL'),
  secret_key: col('secret_key', 'SECRET KEY'),
  key_source: col('key_source', 'KEY FROM'),
  env_overrides: {
    header: 'ENV OVERRIDES',
    get: (w: WhoAmI) => (w.env_overrides.length ? w.env_overrides.join(', ') : 'none'),
  },
  rate_limit: col('rate_limit', 'RATE LIMIT'),
  key_works: {header: 'KEY WORKS', get: (w: WhoAmI) => (w.key_works === null ? 'unknown (not checked)' : w.key_works)},
}

export default class WhoAmICommand extends ClerkCommand<typeof WhoAmICommand> {
  static safety = 'read' as const
  static aliases = ['status']
  static summary = 'Show the profile, instance type, API URL and masked key in use, and check that the key works'
  static description =
    'Makes one request (GET /v1/jwks, not rate-limited). Exit 0 when the key works, 3 when it is missing or rejected, 1 when the API could not be reached (the key is then not checked).'
  static examples = ['<%= config.bin %> whoami', '<%= config.bin %> status --profile prod -o json']

  async run(): Promise<void> {
    const info = describeConfig(this.cfg)
    const error: CliError | undefined = this.cfg.secretKey
      ? await checkKey(await this.client())
      : new CliError('no secret key configured', ExitCode.UNAUTHENTICATED, {
          hint: 'set CLERK_SECRET_KEY or run: clerk config set secret-key',
        })
    const verdict = this.cfg.secretKey ? keyVerdict(error) : {works: null, text: error?.message}
    info.key_works = verdict.works
    if (verdict.text) info.error = verdict.text
    await printOne(info, {format: this.format, columns, defaults: Object.keys(columns), select: this.selectedColumns})
    if (error)
      throw verdict.works === null && this.cfg.secretKey
        ? new CliError(verdict.text!, error.exitCode, error.extra)
        : error
  }
}
