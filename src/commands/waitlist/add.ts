import {Args, Flags} from '@oclif/core'

import {bulkFlags, bulkRunOptions} from '../../lib/oclif/bulk-flags.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {usageError} from '../../lib/util/errors.js'
import {printList} from '../../lib/output/writer.js'
import {
  WAITLIST_BULK_MAX,
  WAITLIST_DEFAULTS,
  addWaitlistEntries,
  waitlistColumns,
} from '../../lib/resources/waitlist.js'

export default class WaitlistAdd extends ClerkCommand<typeof WaitlistAdd> {
  static safety = 'write' as const
  static summary =
    'Add email addresses to the waitlist: as arguments, or --file for a bulk job (journal, resume, report)'
  static description = `Calls POST /v1/waitlist_entries/bulk (${WAITLIST_BULK_MAX} per request). An address already on the list keeps its entry.
--file takes a CSV or JSONL with an email_address (or email) column and an optional notify column, or a .txt with one address per line.`
  static examples = [
    '<%= config.bin %> waitlist add ada@example.com grace@example.com --no-notify',
    '<%= config.bin %> waitlist add --file signups.csv --yes --report added.ndjson',
    'cat emails.txt | <%= config.bin %> waitlist add --file - --input-format lines --yes',
  ]
  static strict = false
  static args = {email: Args.string({ignoreStdin: true, description: 'email addresses (repeatable)'})}
  static flags = {
    ...bulkFlags,
    file: Flags.string({helpGroup: 'BULK', description: 'add every address in this file (- for stdin)'}),
    notify: Flags.boolean({allowNo: true, description: "send the confirmation email [default: BAPI's, true]"}),
  }

  async run(): Promise<void> {
    const {argv} = await this.parse(WaitlistAdd)
    const emails = argv as string[]
    if (this.flags.file && emails.length) throw usageError('give addresses or --file, not both')
    if (!this.flags.file && !emails.length)
      throw usageError('no email addresses', 'pass them as arguments, or --file FILE')
    const client = await this.client()
    if (this.flags.file) {
      const {runBulk, bulkExit} = await import('../../lib/bulk/runner.js')
      const {waitlistBulkJob} = await import('../../lib/resources/waitlist.js')
      const job = await waitlistBulkJob(client, this.flags.notify)
      const opts = bulkRunOptions(this.flags, this.cfg, client, (m) => this.note(m))
      bulkExit(await runBulk(job, {...opts, input: this.flags.file, linesField: 'email_address'}))
      return
    }
    const entries = []
    for (let i = 0; i < emails.length; i += WAITLIST_BULK_MAX) {
      const chunk = emails
        .slice(i, i + WAITLIST_BULK_MAX)
        .map((email_address) =>
          this.flags.notify === undefined ? {email_address} : {email_address, notify: this.flags.notify},
        )
      entries.push(...(await addWaitlistEntries(client, chunk)))
    }
    await printList(entries, {
      format: this.format,
      columns: waitlistColumns(this.format),
      defaults: WAITLIST_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
