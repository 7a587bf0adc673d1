import {Args, Flags} from '@oclif/core'

import {bulkFlags, bulkRunOptions} from '../../lib/oclif/bulk-flags.js'
import {ClerkCommand} from '../../lib/oclif/command.js'

export default class UsersImport extends ClerkCommand<typeof UsersImport> {
  static safety = 'write' as const
  static summary = 'Create users from a CSV or JSONL file (or stdin): validated, paced, resumable, reported'
  static description = `Calls POST /v1/users once per row (and, for existing users, GET /v1/users + PATCH /v1/users/{id}[/metadata]).
Columns/fields as BAPI names them: email_address (or email; several separated by ";"), phone_number (or phone), username,
first_name, last_name, external_id, password, password_digest + password_hasher (bcrypt, argon2id, scrypt_firebase, ...),
totp_secret, backup_codes, public_metadata/private_metadata/unsafe_metadata (JSON), created_at, legal_accepted_at, locale.
Lines of \`clerk users export\` are accepted as they are. Every row is validated before the first request; the journal
(<file>.journal) makes a killed run resumable with --resume, without creating anyone twice.`

  static examples = [
    '<%= config.bin %> users import users.csv --dry-run',
    '<%= config.bin %> users import users.csv --map email="Email Address" --map external_id=uid --yes --report report.ndjson',
    '<%= config.bin %> users import users.csv --yes --resume          # after a crash or Ctrl-C',
    'cat users.jsonl | <%= config.bin %> users import - --on-conflict update --yes',
  ]

  static args = {file: Args.string({required: true, description: 'CSV or JSONL file, or - for stdin'})}

  static flags = {
    ...bulkFlags,
    'on-conflict': Flags.string({
      options: ['skip', 'update', 'fail'],
      default: 'skip',
      description: "when a row's user already exists: skip it, update it, or report it failed",
    }),
    key: Flags.string({
      options: ['auto', 'external_id', 'email'],
      default: 'auto',
      description: "what identifies a row's user (auto: external_id, else email, phone, username)",
    }),
    'skip-password-checks': Flags.boolean({
      description:
        'send skip_password_checks with plain passwords (legacy passwords; Clerk recommends it only for migrations)',
    }),
    'skip-password-requirement': Flags.boolean({
      description: 'send skip_password_requirement for rows without a password',
    }),
  }

  async run(): Promise<void> {
    const f = this.flags
    const {runBulk, bulkExit} = await import('../../lib/bulk/runner.js')
    const {userImportJob} = await import('../../lib/resources/users/import.js')
    const client = f['validate-only'] ? undefined : await this.client()
    const job = userImportJob(client!, {
      onConflict: f['on-conflict'] as 'skip',
      keyBy: f.key as 'auto',
      skipPasswordChecks: f['skip-password-checks'],
      skipPasswordRequirement: f['skip-password-requirement'],
    })
    const result = await runBulk(job, {
      ...bulkRunOptions(f, this.cfg, client, (m) => this.note(m)),
      input: this.args.file,
    })
    bulkExit(result)
  }
}
