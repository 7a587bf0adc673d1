import {Args} from '@oclif/core'

import {filterOperations, loadOperations} from '../../lib/raw-api/request.js'
import type {Operation} from '../../lib/raw-api/operations.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {printList} from '../../lib/output/writer.js'

const columns = {
  method: {header: 'METHOD', get: (o: Operation) => o.method},
  path: {header: 'PATH', get: (o: Operation) => o.path},
  summary: {header: 'SUMMARY', get: (o: Operation) => (o.deprecated ? `${o.summary} (deprecated)` : o.summary)},
  operation_id: {header: 'OPERATION', get: (o: Operation) => o.operation_id},
  page_max: {header: 'PAGES', get: (o: Operation) => (o.page_max ? `limit ≤ ${o.page_max}` : '')},
}

export default class ApiLs extends ClerkCommand<typeof ApiLs> {
  static safety = 'read' as const
  static resolvesConfig = false
  static summary = "List the Backend API's operations (offline, from the OpenAPI spec shipped with the CLI)"
  static description =
    'FILTER keeps operations whose method, path, summary or operation id contain every word of it (any case).'
  static examples = [
    '<%= config.bin %> api ls',
    '<%= config.bin %> api ls waitlist',
    '<%= config.bin %> api ls "delete users"',
    '<%= config.bin %> api ls -o json',
  ]
  static args = {filter: Args.string({description: 'words to look for'})}
  static strict = false

  async run(): Promise<void> {
    const {argv} = await this.parse(ApiLs)
    const ops = filterOperations(loadOperations(), (argv as string[]).join(' '))
    await printList(ops, {
      format: this.format,
      columns,
      defaults: ['method', 'path', 'summary'],
      select: this.selectedColumns,
    })
  }
}
