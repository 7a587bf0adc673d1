import {Args, Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {usageError} from '../../lib/util/errors.js'

export default class TokenVerify extends ClerkCommand<typeof TokenVerify> {
  static safety = 'read' as const
  static summary = 'Verify a session or machine token the way a backend does (authenticateRequest, getAuth, has)'
  static description = `Runs @clerk/backend's authenticateRequest on "Authorization: Bearer <token>" and prints the Auth object.
Offline with --jwt-key / CLERK_JWT_KEY (no network at all), else online through the instance JWKS (secret key).
Exit codes: 0 signed in and every check holds, 3 not authenticated (invalid, expired, wrong azp, no token),
4 signed in but a --permission/--role/--feature/--plan check failed, 1 the key could not be loaded.`
  static examples = [
    '<%= config.bin %> token verify "$TOKEN" --authorized-party https://app.example.com',
    'echo "$TOKEN" | <%= config.bin %> token verify --jwt-key @jwt-key.pem --permission org:invoices:read -o json',
    '<%= config.bin %> token verify --batch < tokens.txt > results.ndjson',
  ]
  static args = {
    token: Args.string({ignoreStdin: true, description: 'the token; "-" or omitted with a pipe: read stdin'}),
  }
  static flags = {
    'jwt-key': Flags.string({
      description: 'verify offline with this PEM public key (or @file; env CLERK_JWT_KEY): no network',
    }),
    'publishable-key': Flags.string({
      description: 'publishable key (env CLERK_PUBLISHABLE_KEY; a stand-in is derived when absent)',
    }),
    'authorized-party': Flags.string({
      multiple: true,
      description: 'accepted azp origin (repeatable); tokens without azp then fail',
    }),
    audience: Flags.string({
      multiple: true,
      description: 'accepted aud (repeatable; checked when the token has an aud)',
    }),
    'clock-skew': Flags.integer({min: 0, description: 'allowed clock skew in ms [default: 5000]'}),
    accepts: Flags.string({
      options: ['session_token', 'api_key', 'm2m_token', 'oauth_token', 'any'],
      default: 'session_token',
      description: 'token types to accept (machine tokens are verified by BAPI)',
    }),
    permission: Flags.string({multiple: true, description: 'require has({permission}), e.g. org:invoices:read'}),
    role: Flags.string({multiple: true, description: 'require has({role}), e.g. org:admin'}),
    feature: Flags.string({multiple: true, description: 'require has({feature})'}),
    plan: Flags.string({multiple: true, description: 'require has({plan})'}),
    'allow-pending': Flags.boolean({description: 'treat sessions with pending tasks (sts: pending) as signed in'}),
    batch: Flags.boolean({
      description: 'read one token per stdin line, write one NDJSON result per line; exit 0 only if all are valid',
    }),
  }

  async run(): Promise<void> {
    const f = this.flags
    const [{prepareVerifyConfig}, {readToken, readTokenLines}, {exitCodeFor}, {unverifiable, verifyWithSdk}] =
      await Promise.all([
        import('../../lib/token/keys.js'),
        import('../../lib/token/input.js'),
        import('../../lib/token/result.js'),
        import('../../lib/token/verify.js'),
      ])
    const options = {
      acceptsToken: f.accepts as 'any',
      authorizedParties: f['authorized-party'],
      audience: f.audience,
      clockSkewInMs: f['clock-skew'],
      allowPending: f['allow-pending'],
      checks: {permission: f.permission ?? [], role: f.role ?? [], feature: f.feature ?? [], plan: f.plan ?? []},
    }
    const keys = prepareVerifyConfig(this.cfg)
    this.cfg = keys.config
    if (f.batch) {
      if (this.args.token && this.args.token !== '-')
        throw usageError('--batch reads tokens from stdin, not from the argument')
      const {verifyBatch} = await import('../../lib/token/batch.js')
      const summary = await verifyBatch(await this.client(), keys, options, readTokenLines(), this.jq)
      this.note(`${summary.valid} of ${summary.tokens} tokens valid`)
      process.exitCode = summary.exitCode
      return
    }
    const token = await readToken(this.args.token)
    const result = unverifiable(token, keys) ?? (await verifyWithSdk(await (await this.client()).sdk(), token, options))
    if (this.format === 'table') {
      const [{renderRecord}, {resultRows}, {out}] = await Promise.all([
        import('../../lib/output/table.js'),
        import('../../lib/token/render.js'),
        import('../../lib/output/writer.js'),
      ])
      await out(`${await renderRecord(resultRows(result))}\n`)
    } else {
      const {printJson} = await import('../../lib/output/writer.js')
      await printJson(result, this.format)
    }
    process.exitCode = exitCodeFor(result)
  }
}
