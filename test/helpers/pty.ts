/**
 * Run the built CLI in a real pseudo-terminal (stdin and stderr are a TTY, stdout a pipe) and answer its
 * prompts: each step waits for a regex in the terminal output, then types the text ('\r' is Enter).
 *
 *   const r = await runPty(['users', 'delete', id], {env: emulatorEnv(emu), steps: [[/Delete user/i, 'y\r']]})
 *   r.code, r.stdout (data only), r.tty (what the person saw: prompts, stderr), r.stepsDone
 *
 * Driven by python3's pty module (test/helpers/pty_driver.py): standard library only, so it works on a
 * clean Debian CI with Node 20 and python3. CI is removed from the child's environment (we are the terminal).
 */
import {spawn} from 'node:child_process'
import {join} from 'node:path'

import {BIN, ROOT, baseEnv} from './cli.js'

export interface PtyResult {
  code: number
  stdout: string
  tty: string
  stepsDone: number
  timedOut: boolean
}

export function runPty(
  args: string[],
  options: {env?: Record<string, string | undefined>; steps?: Array<[RegExp, string]>; timeoutMs?: number} = {},
): Promise<PtyResult> {
  const spec = {
    argv: [process.execPath, BIN, ...args],
    steps: (options.steps ?? []).map(([re, text]) => [re.source, text]),
    timeout: (options.timeoutMs ?? 40_000) / 1000,
  }
  const env = baseEnv({TERM: 'xterm-256color', ...options.env, CI: undefined})
  const child = spawn('python3', [join(ROOT, 'test', 'helpers', 'pty_driver.py'), JSON.stringify(spec)], {
    cwd: ROOT,
    env,
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`pty driver failed (${code}): ${stderr}`))
      const r = JSON.parse(stdout) as {
        code: number
        stdout: string
        tty: string
        steps_done: number
        timed_out: boolean
      }
      const secret = options.env?.CLERK_SECRET_KEY
      if (secret && (r.stdout + r.tty).includes(secret))
        return reject(new Error(`secret key leaked in the output of \`clerk ${args.join(' ')}\``))
      resolve({code: r.code, stdout: r.stdout, tty: r.tty, stepsDone: r.steps_done, timedOut: r.timed_out})
    })
  })
}
