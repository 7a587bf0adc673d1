import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'

export default class McpServe extends ClerkCommand<typeof McpServe> {
  static safety = 'write' as const
  static summary = 'Serve Clerk admin tools to an AI agent over the Model Context Protocol (stdio)'
  static description =
    'Read tools (users, organizations, members, invitations, sessions, token verify/decode, api ls, any GET) write tools (users ban/unban, orgs invite) and bulk write tools (users import, users bulk actions, invitations create/revoke, orgs invite from a file or inline rows: journaled, resumable, with progress notifications) that answer a plan unless called with confirm: true. Same config, client and rate limiter as every command. With an sk_live_ key, writes are refused unless --allow-production-writes.'
  static examples = [
    '<%= config.bin %> mcp serve',
    'CLERK_SECRET_KEY=sk_test_... <%= config.bin %> mcp serve --rate-limit 20/10s',
  ]
  static flags = {
    'allow-production-writes': Flags.boolean({
      description: 'allow write tools with a production (sk_live_) key',
    }),
  }

  async run(): Promise<void> {
    const [{prepareVerifyConfig}, {serveMcp}] = await Promise.all([
      import('../../lib/token/keys.js'),
      import('../../lib/mcp/server.js'),
    ])
    this.cfg = prepareVerifyConfig({...this.cfg, interactive: false}).config // token_verify needs its keys before the client
    await serveMcp(
      {client: () => this.client(), cfg: this.cfg, allowProductionWrites: this.flags['allow-production-writes']},
      this.config.version,
    )
  }
}
