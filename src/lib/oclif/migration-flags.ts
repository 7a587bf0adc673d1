/** The flags of `clerk users import --from SOURCE` and `--undo JOURNAL` (README: Migrating to Clerk), in their own help group. */
import {Flags} from '@oclif/core'

const SOURCES = ['auth0', 'firebase', 'supabase', 'clerk']
const MIGRATION = 'MIGRATION'

export const migrationFlags = {
  from: Flags.string({
    helpGroup: MIGRATION,
    options: SOURCES,
    description: "the file is this provider's user export (see README: Migrating to Clerk)",
  }),
  passwords: Flags.string({
    helpGroup: MIGRATION,
    description: "--from auth0: Auth0's password-hash export (NDJSON), joined by user id (else email)",
  }),
  'hash-config': Flags.string({
    helpGroup: MIGRATION,
    description:
      "--from firebase: the project's password hash parameters, as the console shows them (hash_config {…}) or JSON",
  }),
  'hash-key': Flags.string({helpGroup: MIGRATION, description: '--from firebase: base64_signer_key'}),
  'salt-separator': Flags.string({helpGroup: MIGRATION, description: '--from firebase: base64_salt_separator'}),
  rounds: Flags.integer({helpGroup: MIGRATION, description: '--from firebase: rounds'}),
  'mem-cost': Flags.integer({helpGroup: MIGRATION, description: '--from firebase: mem_cost'}),
  'metadata-map': Flags.string({
    helpGroup: MIGRATION,
    multiple: true,
    description: 'place a source metadata field: field=public|private|unsafe|skip, e.g. user_metadata=unsafe',
  }),
  'id-map': Flags.string({
    helpGroup: MIGRATION,
    description: 'write source_id,clerk_id,status (CSV, 0600) as rows finish',
  }),
  'dev-user-cap': Flags.integer({
    helpGroup: MIGRATION,
    min: 1,
    default: 100,
    description: "the development instance's user cap the readiness check holds the run to (Clerk's: 100)",
  }),
  undo: Flags.string({
    helpGroup: MIGRATION,
    description: 'delete exactly the users the import with this journal created (plan, --dry-run, --yes, --resume)',
    exclusive: ['from', 'on-conflict'],
  }),
  'include-signed-in': Flags.boolean({
    helpGroup: MIGRATION,
    description: 'with --undo: delete users who signed in since the import too',
  }),
}
