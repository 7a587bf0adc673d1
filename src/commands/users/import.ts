import {Args, Flags} from '@oclif/core'

import {bulkFlags, bulkRunOptions} from '../../lib/oclif/bulk-flags.js'
import {ClerkCommand} from '../../lib/oclif/command.js'
import {migrationFlags} from '../../lib/oclif/migration-flags.js'
import {usageError} from '../../lib/util/errors.js'

export default class UsersImport extends ClerkCommand<typeof UsersImport> {
  static safety = 'write' as const
  static summary =
    'Create users from a CSV or JSONL file (or stdin), or migrate them from Auth0, Firebase, Supabase or Clerk'
  static description = `Calls POST /v1/users once per row (and, for existing users, GET /v1/users + PATCH /v1/users/{id}[/metadata]).
Columns/fields as BAPI names them: email_address (or email; several separated by ";"), phone_number (or phone), username,
first_name, last_name, external_id, password, password_digest + password_hasher (bcrypt, argon2id, scrypt_firebase, ...),
totp_secret, backup_codes, public_metadata/private_metadata/unsafe_metadata (JSON), created_at, legal_accepted_at, locale.
Lines of \`clerk users export\` are accepted as they are. Every row is validated before the first request; the journal
(<file>.journal) makes a killed run resumable with --resume, without creating anyone twice.

With --from SOURCE the file is another provider's export (auth0, firebase, supabase, or clerk's Dashboard CSV): each
source maps its own fields; unverified identifiers are created reserved; password digests keep their hasher; the
source's id becomes external_id; a readiness check runs before anything is sent. --id-map writes old id -> Clerk id,
and --undo JOURNAL deletes exactly the users that import created.`

  static examples = [
    '<%= config.bin %> users import users.csv --dry-run',
    '<%= config.bin %> users import users.csv --map email="Email Address" --map external_id=uid --yes --report report.ndjson',
    '<%= config.bin %> users import users.csv --yes --resume          # after a crash or Ctrl-C',
    'cat users.jsonl | <%= config.bin %> users import - --on-conflict update --yes',
    '<%= config.bin %> users import auth0-users.ndjson --from auth0 --passwords auth0-hashes.ndjson --id-map ids.csv --yes',
    '<%= config.bin %> users import users.json --from firebase --hash-config hash_config.txt --validate-only',
    '<%= config.bin %> users import --undo users.json.journal --dry-run',
  ]

  static args = {
    file: Args.string({description: 'CSV or JSONL file (JSON document for --from firebase), or - for stdin'}),
  }

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
      description: "what identifies a row's user (auto: external_id, else email, phone, username; --from: external_id)",
    }),
    'skip-password-checks': Flags.boolean({
      description:
        'send skip_password_checks with plain passwords (legacy passwords; Clerk recommends it only for migrations)',
    }),
    'skip-password-requirement': Flags.boolean({
      description: 'send skip_password_requirement for rows without a password',
    }),
    ...migrationFlags,
  }

  async run(): Promise<void> {
    const f = this.flags
    const {runBulk, bulkExit} = await import('../../lib/bulk/runner.js')
    if (f.undo) {
      if (this.args.file) throw usageError('give either FILE or --undo JOURNAL, not both')
      const {undoInput, undoJob} = await import('../../lib/resources/users/undo.js')
      const input = await undoInput(f.undo)
      const client = f['validate-only'] && !this.cfg.secretKey ? undefined : await this.client()
      const job = undoJob(client, {journal: f.undo, since: input.since, includeSignedIn: f['include-signed-in']})
      const result = await runBulk(job, {
        ...bulkRunOptions(f, this.cfg, client, (m) => this.note(m)),
        input: input.path,
        format: 'jsonl',
      })
      bulkExit(result)
      return
    }
    if (!this.args.file) throw usageError('FILE is required (or --undo JOURNAL)')
    if (f['include-signed-in']) throw usageError('--include-signed-in goes with --undo')
    const options = {
      onConflict: f['on-conflict'] as 'skip',
      keyBy: f.key as 'auto',
      skipPasswordChecks: f['skip-password-checks'],
      skipPasswordRequirement: f['skip-password-requirement'],
    }
    const idMap = f['id-map']
      ? new (await import('../../lib/resources/users/id-map.js')).IdMapWriter(f['id-map'])
      : undefined
    let format = f['input-format']
    if (f.from) {
      const {migrationSetup} = await import('../../lib/resources/users/migrate-flags.js')
      const setup = await migrationSetup(f.from, f, this.cfg.secretKey)
      // --validate-only runs the instance checks too when a key is configured
      const client = f['validate-only'] && !this.cfg.secretKey ? undefined : await this.client()
      const {migrationJob} = await import('../../lib/resources/users/migrate.js')
      const job = migrationJob(client, {...options, ...setup})
      format ??= setup.source.format
      const result = await runBulk(job, {
        ...bulkRunOptions(f, this.cfg, client, (m) => this.note(m)),
        input: this.args.file,
        format: format as 'csv',
        onRecord: idMap ? (r) => idMap.write(r) : undefined,
        onEnd: () => idMap?.close(),
      })
      bulkExit(result)
      return
    }
    for (const k of ['passwords', 'hash-config', 'hash-key', 'salt-separator', 'rounds', 'mem-cost', 'metadata-map'])
      if (f[k as keyof typeof f] !== undefined) throw usageError(`--${k} goes with --from`)
    const {userImportJob} = await import('../../lib/resources/users/import.js')
    const client = f['validate-only'] ? undefined : await this.client()
    const job = userImportJob(client!, options)
    const result = await runBulk(job, {
      ...bulkRunOptions(f, this.cfg, client, (m) => this.note(m)),
      input: this.args.file,
      onRecord: idMap ? (r) => idMap.write(r) : undefined,
      onEnd: () => idMap?.close(),
    })
    bulkExit(result)
  }
}
