import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {usageError} from '../../lib/util/errors.js'
import {jqFilterFlag} from '../../lib/oclif/user-flags.js'
import {checkDistinctFiles} from '../../lib/util/paths.js'

export default class UsersExport extends ClerkCommand<typeof UsersExport> {
  static safety = 'read' as const
  static summary =
    'Export every user as NDJSON or CSV, streamed with constant memory, resumable, checked for completeness'
  static description = `Calls GET /v1/users page by page, oldest first (cursor paging), and GET /v1/users/count before and after.
NDJSON lines are BAPI's own User objects (re-importable with \`clerk users import\`). With --out, a journal
(<out>.journal) records each page, so --resume continues a killed export. Exit 1 when the export has fewer
rows than the instance has users.`

  static examples = [
    '<%= config.bin %> users export > users.ndjson',
    '<%= config.bin %> users export -o csv --out users.csv',
    '<%= config.bin %> users export --out users.ndjson --resume     # after a crash or a CI timeout',
    `<%= config.bin %> users export --filter '.public_metadata.plan == "trial"' --jq '.id' -r > trial-ids.txt`,
  ]

  static flags = {
    ...jqFilterFlag,
    out: Flags.string({description: 'write to this file (resumable) instead of stdout'}),
    resume: Flags.boolean({description: 'continue the export recorded in <out>.journal'}),
    journal: Flags.string({description: 'journal file (default <out>.journal)'}),
    'page-size': Flags.integer({min: 1, max: 500, default: 500, description: 'users per request'}),
    progress: Flags.string({
      options: ['auto', 'bar', 'lines', 'none'],
      default: 'auto',
      description: 'progress on stderr',
    }),
  }

  async run(): Promise<void> {
    const f = this.flags
    const format = this.jq ? 'jq' : ((this.flags.output ?? 'ndjson') as string)
    if (format !== 'ndjson' && format !== 'csv' && format !== 'jq')
      throw usageError(`users export writes ndjson or csv, not ${format}`, 'use -o ndjson (default) or -o csv')
    if (f.slurp) throw usageError('users export streams; --slurp is not for it', 'use `users list --all --slurp`')
    const filter =
      f.filter === undefined ? undefined : await (await import('../../lib/output/jq.js')).JqFilter.compile(f.filter)
    checkDistinctFiles([
      ['--out', f.out],
      ['--journal', f.journal],
    ])
    const {exportUsers, exportExit} = await import('../../lib/resources/users/export.js')
    const client = await this.client()
    const result = await exportUsers(client, {
      format,
      jq: this.jq,
      filter,
      out: f.out,
      journal: f.journal,
      resume: f.resume,
      pageSize: f['page-size'],
      columns: this.selectedColumns,
      progress: f.progress as 'auto',
      notify: (m) => this.note(m),
    })
    if (this.cfg.verbose) this.note(`[clerk] peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
    exportExit(result, (m) => this.note(m), f.out ?? 'stdout', filter !== undefined)
  }
}
