import {Args} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {usageError} from '../../lib/util/errors.js'

export default class TokenDecode extends ClerkCommand<typeof TokenDecode> {
  static safety = 'read' as const
  static summary = "Show a JWT's header and claims WITHOUT verifying it"
  static description = `Decodes a session token (or any JWT) for debugging: header, claims, and times as ISO dates with
"expires in 42s" / "expired 3m ago". Nothing is checked and nothing is sent anywhere; the output is labelled
UNVERIFIED. Use \`clerk token verify\` to trust a token.`
  static examples = [
    '<%= config.bin %> token decode "$TOKEN"',
    'pbpaste | <%= config.bin %> token decode -o json | jq .claims.sub',
  ]
  static args = {
    token: Args.string({ignoreStdin: true, description: 'the JWT; "-" or omitted with a pipe: read stdin'}),
  }

  async run(): Promise<void> {
    const [{readToken}, {decodeToken, UNVERIFIED}, {out, printJson}] = await Promise.all([
      import('../../lib/token/input.js'),
      import('../../lib/token/decode.js'),
      import('../../lib/output/writer.js'),
    ])
    const token = await readToken(this.args.token)
    if (!token) throw usageError('no token (empty input)')
    const decoded = decodeToken(token)
    this.note(UNVERIFIED)
    if (this.format === 'table') {
      const [{renderRecord}, {decodedRows}] = await Promise.all([
        import('../../lib/output/table.js'),
        import('../../lib/token/render.js'),
      ])
      await out(`${await renderRecord(decodedRows(decoded))}\n`)
    } else {
      await printJson(decoded, this.format)
    }
  }
}
