import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {usageError} from '../../lib/util/errors.js'
import {printList} from '../../lib/output/writer.js'
import {ORG_DEFAULT_COLUMNS, type OrgFilter, allOrgs, listOrgsPage, orgColumns} from '../../lib/resources/orgs.js'
import {idsOnly} from '../../lib/oclif/user-flags.js'

export default class OrgsList extends ClerkCommand<typeof OrgsList> {
  static safety = 'read' as const
  static summary = 'List organizations, with member counts; --all streams every page'
  static description = 'Calls GET /v1/organizations (one request per page; the answer is {data, total_count}).'
  static examples = [
    '<%= config.bin %> orgs list',
    '<%= config.bin %> orgs list --query acme --order-by -members_count',
    '<%= config.bin %> orgs list --user-id user_2abc -o json',
    '<%= config.bin %> orgs list --all -o csv > orgs.csv',
  ]

  static flags = {
    query: Flags.string({char: 'q', description: 'match the id exactly, or part of the name or slug'}),
    'user-id': Flags.string({
      multiple: true,
      delimiter: ',',
      description: 'only organizations this user belongs to (repeatable; -user_… excludes)',
    }),
    'org-id': Flags.string({
      multiple: true,
      delimiter: ',',
      description: 'only these organization ids (repeatable; -org_… excludes)',
    }),
    'order-by': Flags.string({
      description: 'name, created_at or members_count with +/- prefix',
      default: '-created_at',
    }),
    counts: Flags.boolean({
      allowNo: true,
      default: true,
      description: 'include member counts (--no-counts skips them)',
    }),
    limit: Flags.integer({
      min: 1,
      description: 'organizations to show (one page, at most 500) [default: 10]; with --all, the most to stream',
    }),
    offset: Flags.integer({min: 0, default: 0, description: 'skip this many organizations'}),
    all: Flags.boolean({description: 'stream every matching organization, page by page'}),
    'page-size': Flags.integer({min: 1, max: 500, default: 500, description: 'page size for --all'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    if (!f.all && f.limit !== undefined && f.limit > 500)
      throw usageError('--limit is at most 500 for one page', 'use --all to stream more')
    const filter: OrgFilter = {
      query: f.query,
      user_id: idsOnly('user-id', f['user-id'], 'find the id first: clerk users get EMAIL -o json | jq -r .id'),
      organization_id: f['org-id'],
      order_by: f['order-by'],
      include_members_count: f.counts || undefined,
    }
    const client = await this.client()
    const rows = f.all
      ? allOrgs(client, filter, {pageSize: f['page-size'], offset: f.offset, max: f.limit})
      : (await listOrgsPage(client, filter, f.offset, f.limit ?? 10)).data
    await printList(rows, {
      format: this.format,
      columns: orgColumns(this.format),
      defaults: ORG_DEFAULT_COLUMNS,
      select: this.selectedColumns,
      page: f.all ? undefined : {limit: f.limit ?? 10, offset: f.offset ?? 0},
    })
  }
}
