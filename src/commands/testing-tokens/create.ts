import {createTestingToken, testingColumns} from '../../lib/resources/tokens.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {out, printOne} from '../../lib/output/writer.js'

export default class TestingTokensCreate extends ClerkCommand<typeof TestingTokensCreate> {
  static safety = 'write' as const
  static summary = 'Create a testing token (bypasses bot protection in end-to-end tests)'
  static description =
    'Calls POST /v1/testing_tokens. On a terminal prints a table; piped, prints just the token (-o json for the object).'
  static examples = [
    '<%= config.bin %> testing-tokens create',
    'export CLERK_TESTING_TOKEN=$(<%= config.bin %> testing-tokens create)',
  ]

  async run(): Promise<void> {
    const t = await createTestingToken(await this.client())
    const f = this.flags as {output?: string; json?: boolean; jq?: string}
    const explicit = f.output || f.json || f.jq !== undefined
    if (!explicit && !process.stdout.isTTY) return out(`${t.token}\n`)
    await printOne(t, {
      format: this.format,
      columns: testingColumns(this.format),
      defaults: ['token', 'expires'],
      select: this.selectedColumns,
    })
  }
}
