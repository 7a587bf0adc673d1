/**
 * Secrets never printed: the one place text is cleaned before it reaches a person. Every error line,
 * hint, note and --verbose stack goes through {@link redactSecrets}.
 *
 * - the configured key (whatever its shape) and CLERK_SECRET_KEY from the environment, even before a
 *   Config is resolved (flag-parse errors happen first);
 * - anything shaped like a Clerk secret key (`sk_live_…`, `sk_test_…`), wherever it landed (`--output $KEY`,
 *   an extra argument);
 * - the userinfo of a URL (`https://user:password@host` -> `https://***@host`);
 * - machine secrets: API key and machine secret keys (`ak_…`), M2M and OAuth tokens (`mt_…`, `oat_…`), and
 *   CLERK_MACHINE_SECRET_KEY. Ids of those prefixes (32 lowercase hex characters) stay readable. stdout is
 *   the exception ({@link redactKeys}): `api-keys create`, `m2m-tokens create`, `machines create` print the
 *   secret they made there, once, on purpose; it is masked everywhere else (errors, hints, notes, --verbose).
 */
import {maskSecret} from './mask.js'

const KEY_SHAPE = /\bsk_(?:live|test)_[A-Za-z0-9_-]{4,}/g
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi

/** `--secret-key X` / `--secret-key=X` on the command line (known before any parsing succeeded). */
function argvSecret(): string | undefined {
  const argv = process.argv
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--secret-key') return argv[i + 1]
    if (argv[i].startsWith('--secret-key=')) return argv[i].slice('--secret-key='.length)
  }
  return undefined
}

const MACHINE_SECRET = /\b(ak|mt|oat)_[A-Za-z0-9]{16,}\b/g
const MACHINE_ID = /^[a-z]+_[0-9a-f]{32}$/

export function redactSecrets(text: string, ...secrets: Array<string | undefined>): string {
  return redactMachineSecrets(redactKeys(text, ...secrets))
}

/** Machine secrets (and CLERK_MACHINE_SECRET_KEY) masked as `ak_****abcd`. */
export function redactMachineSecrets(text: string): string {
  const configured = process.env.CLERK_MACHINE_SECRET_KEY
  const out = configured && configured.length >= 8 ? text.split(configured).join(maskSecret(configured)) : text
  return out.replace(MACHINE_SECRET, (s, prefix: string) => (MACHINE_ID.test(s) ? s : `${prefix}_****${s.slice(-4)}`))
}

/** The instance's secret keys and URL passwords masked (what stdout gets: see the note above). */
export function redactKeys(text: string, ...secrets: Array<string | undefined>): string {
  let out = text
  for (const secret of [...secrets, process.env.CLERK_SECRET_KEY, argvSecret()]) {
    if (secret && secret.length >= 8) out = out.split(secret).join(maskSecret(secret))
  }
  return out.replace(KEY_SHAPE, (key) => maskSecret(key)).replace(URL_USERINFO, '$1***@')
}
