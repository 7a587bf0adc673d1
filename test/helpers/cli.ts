/**
 * Run the built CLI (bin/run.js) as a person or a CI script would: a real child process, real stdio.
 *
 *   const r = await runCli(['users', 'list', '-o', 'json'], {env: emulatorEnv(emu)})
 *   r.code, r.stdout, r.stderr
 *
 * NODE_ENV is removed from the child's environment: vitest sets NODE_ENV=test, which makes @clerk/backend
 * read the global fetch at call time; production captures it at import, and that is the path we must prove.
 */
import {spawn} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BIN = join(ROOT, 'bin', 'run.js')

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface CliOptions {
  env?: Record<string, string | undefined>
  /** written to stdin, then stdin is closed (stdin is always a pipe, never a TTY) */
  input?: string
  cwd?: string
  timeoutMs?: number
}

/** A config dir of its own per call unless given, so a developer's real profiles never leak into tests. */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    CLERK_ADMIN_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'clerk-cfg-')),
  }
  delete env.NODE_ENV
  delete env.CLERK_SECRET_KEY
  delete env.CLERK_API_URL
  delete env.CLERK_PROFILE
  delete env.NODE_EXTRA_CA_CERTS
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  return env
}

export function startCli(args: string[], options: CliOptions = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: baseEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  child.stdin.on('error', () => undefined)
  if (options.input !== undefined) child.stdin.end(options.input)
  else child.stdin.end()
  const done = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 50_000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      try {
        assertNoSecret(args, options, stdout + stderr)
        resolve({code, signal, stdout, stderr})
      } catch (error) {
        reject(error)
      }
    })
  })
  return {child, done, output: () => ({stdout, stderr})}
}

/**
 * The secret key must never appear in any output: checked on every run of the suite. Only
 * `clerk emulator ...` may print the emulator's own key (that is its job).
 */
function assertNoSecret(args: string[], options: CliOptions, text: string): void {
  if (args[0] === 'emulator') return
  const keyFlag = args.indexOf('--secret-key')
  const secrets = [options.env?.CLERK_SECRET_KEY, keyFlag >= 0 ? args[keyFlag + 1] : undefined]
  for (const secret of secrets) {
    if (secret && secret.length >= 8 && text.includes(secret)) {
      throw new Error(`secret key leaked in the output of \`clerk ${args.join(' ')}\``)
    }
  }
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done
}

/** Env pointing the CLI at an emulator: its URL and secret key. */
export function emulatorEnv(emu: {url: string; secretKey: string}, extra: Record<string, string | undefined> = {}) {
  return {CLERK_API_URL: emu.url, CLERK_SECRET_KEY: emu.secretKey, ...extra}
}

/** Parse the `--verbose` summary line: `[clerk] requests: N, 429s: M, pauses: P (Ss)`. */
export function verboseStats(stderr: string): {requests: number; rateLimited: number; pauses: number} | undefined {
  const m = /\[clerk\] requests: (\d+), 429s: (\d+), pauses: (\d+)/.exec(stderr)
  return m ? {requests: Number(m[1]), rateLimited: Number(m[2]), pauses: Number(m[3])} : undefined
}

/** `users list --all` one user per page (one request each) as NDJSON at `rate`, with --verbose stats: the limiter tests' load. */
export const pagedListArgs = (rate: string) => [
  'users',
  'list',
  '--all',
  '--page-size',
  '1',
  '-o',
  'ndjson',
  '--rate-limit',
  rate,
  '--verbose',
]
