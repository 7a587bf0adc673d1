import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {usageError} from '../../lib/util/errors.js'

export default class EmulatorToken extends ClerkCommand<typeof EmulatorToken> {
  static safety = 'write' as const
  static summary = 'Mint a token signed by a running emulator (to try `clerk token verify` offline)'
  static description = `Asks the emulator at CLERK_API_URL (POST /__emulator/tokens) for a session token with v2 claims
(sub, sid, iss, azp, exp, nbf, iat, v, o, fea, pla, sts) signed with the key it serves at /v1/jwks, or for a
machine token (ak_, mt_, oat_) its verify endpoints accept. Prints the token alone (or -o json: token, claims).`
  static examples = [
    'TOKEN=$(<%= config.bin %> emulator token --user user_123 --org org_1 --role admin --permission org:invoices:read)',
    '<%= config.bin %> emulator token --print-jwt-key > jwt-key.pem',
    '<%= config.bin %> emulator token --type api_key --user user_123 --scope read',
  ]
  static flags = {
    type: Flags.string({
      options: ['session_token', 'api_key', 'm2m_token', 'oauth_token'],
      default: 'session_token',
      description: 'token type',
    }),
    user: Flags.string({description: 'user id (sub); required for a session token'}),
    session: Flags.string({description: 'session id (sid) [default: a new sess_ id]'}),
    org: Flags.string({description: 'active organization id (o.id)'}),
    'org-slug': Flags.string({description: 'organization slug (o.slg)'}),
    role: Flags.string({description: 'organization role, e.g. admin (o.rol)'}),
    permission: Flags.string({
      multiple: true,
      description: 'org:<feature>:<permission> (repeatable; encoded into fea, o.per, o.fpm)',
    }),
    feature: Flags.string({multiple: true, description: 'u:<feature> or o:<feature> (repeatable; fea)'}),
    plan: Flags.string({multiple: true, description: 'u:<plan> or o:<plan> (repeatable; pla)'}),
    'expires-in': Flags.string({
      description:
        'lifetime, e.g. 60s, 10m; negative (--expires-in=-1m) mints an expired token [default: 60s, as Clerk]',
    }),
    'not-before': Flags.string({description: 'nbf offset from now, e.g. 5m (a token not valid yet) [default: -10s]'}),
    pending: Flags.boolean({description: 'a session with pending tasks (sts: pending)'}),
    azp: Flags.string({description: 'authorized party claim [default: http://localhost:3000]; "" leaves it out'}),
    subject: Flags.string({description: 'machine token subject (user_, org_ or mch_ id)'}),
    scope: Flags.string({multiple: true, description: 'machine token scope (repeatable)'}),
    'print-jwt-key': Flags.boolean({
      description: 'print the PEM public key for --jwt-key / CLERK_JWT_KEY instead of a token',
    }),
  }

  async run(): Promise<void> {
    const f = this.flags
    const {request} = await this.client()
    const {out, printJson} = await import('../../lib/output/writer.js')
    if (f['print-jwt-key']) {
      const key = await request<{jwt_key: string}>('GET', '/__emulator/jwt-key', {versioned: false})
      return out(key.jwt_key)
    }
    if (f.type === 'session_token' && !f.user) throw usageError('--user is required for a session token')
    const {parseSignedDuration} = await import('../../lib/token/time.js')
    const body = {
      type: f.type,
      user_id: f.user,
      session_id: f.session,
      org_id: f.org,
      org_slug: f['org-slug'],
      role: f.role,
      permissions: f.permission,
      features: f.feature,
      plans: f.plan,
      pending: f.pending || undefined,
      azp: f.azp === '' ? null : f.azp,
      subject: f.subject,
      scopes: f.scope,
      expires_in_seconds: parseSignedDuration(f['expires-in'], 'expires-in'),
      not_before_seconds: parseSignedDuration(f['not-before'], 'not-before'),
    }
    const minted = await request<{token: string}>('POST', '/__emulator/tokens', {body, versioned: false})
    if (this.format === 'table') await out(`${minted.token}\n`)
    else await printJson(minted, 'json')
  }
}
