// Shared bench helpers: timing, medians, running the built CLI.
import {spawn, spawnSync} from 'node:child_process'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const BIN = join(ROOT, 'bin', 'run.js')

/** The environment a benchmark child runs in: no NODE_EXTRA_CA_CERTS (it adds ~40 ms per Node process), no NODE_ENV. */
export function cleanEnv(extra = {}) {
  const env = {...process.env, NO_COLOR: '1', ...extra}
  delete env.NODE_EXTRA_CA_CERTS
  delete env.NODE_ENV
  return env
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Wall time of a command, in ms, run `n` times; returns the samples. */
export function timeCommand(cmd, args, n, env = cleanEnv()) {
  const samples = []
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint()
    const r = spawnSync(cmd, args, {env, stdio: 'ignore'})
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`)
    samples.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  return samples
}

/** Run the CLI and resolve with {code, stdout, stderr, ms}. */
export function runCli(args, env) {
  return new Promise((resolve) => {
    const t = process.hrtime.bigint()
    const child = spawn(process.execPath, [BIN, ...args], {env: cleanEnv(env)})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({code, stdout, stderr, ms: Number(process.hrtime.bigint() - t) / 1e6}))
  })
}

export const fmt = (x, d = 1) => Number(x).toFixed(d)
