import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {limitFlag} from '../../lib/oclif/machine-flags.js'
import {printList} from '../../lib/output/writer.js'
import {API_KEY_LIST_DEFAULTS, apiKeyColumns, listApiKeys, subjectId} from '../../lib/resources/machines/api-keys.js'

export default class ApiKeysList extends ClerkCommand<typeof ApiKeysList> {
  static safety = 'read' as const
  static summary = 'List the API keys of a user, organization or machine'
  static description = 'Calls GET /api_keys page by page (newest first). Revoked and expired keys only with --all.'
  static examples = [
    '<%= config.bin %> api-keys list --subject user_2abc',
    '<%= config.bin %> api-keys list --subject org_2abc --all -o json',
  ]
  static flags = {
    subject: Flags.string({required: true, description: 'whose keys: user_..., org_... or mch_...'}),
    all: Flags.boolean({description: 'include revoked and expired keys'}),
    query: Flags.string({char: 'q', description: 'only those whose name contains this'}),
    ...limitFlag,
  }

  async run(): Promise<void> {
    const f = this.flags
    const subject = subjectId(f.subject)
    const rows = listApiKeys(await this.client(), {subject, includeInvalid: f.all, query: f.query, limit: f.limit})
    await printList(rows, {
      format: this.format,
      columns: apiKeyColumns(this.format),
      defaults: API_KEY_LIST_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
