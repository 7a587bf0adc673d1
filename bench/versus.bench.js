// Side by side in one run, against one emulator (issue 15's targets; figures are ratios, never absolute):
// - `users list --limit 10 -o json` wall vs Clerk's own CLI 3.3.0 doing the same (target <= 0.8x), and the
//   idle tail: last output to process exit (target <= 20 ms; `node -e` writing one byte as its baseline)
// - unthrottled `users import` of 5,000 rows at concurrency 32 vs a plain fetch loop with 32 workers
//   (target >= 0.6x the rows/s), and peak RSS (target <= 120 MB)
// Clerk's CLI is installed into a temp dir (`npm install --prefix`) when the registry is reachable; it is not
// a dependency of this project. BENCH_CLERK_CLI=<path to its bin> uses an existing install instead.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

import {BIN, ROOT, cleanEnv, fmt, median} from './lib.js'

const {startEmulator} = await import(join(ROOT, 'dist', 'emulator', 'server.js'))
const RUNS = Number(process.env.BENCH_RUNS ?? 9)
const ROWS = Number(process.env.BENCH_BULK_ROWS ?? 5000)
const CONCURRENCY = 32
const dir = mkdtempSync(join(tmpdir(), 'bench-versus-'))

/** Spawn, resolve with wall ms, ms from the last stdout chunk to exit, and stdout. */
function timed(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    let last = t0
    let stdout = ''
    let stderr = ''
    const child = spawn(cmd, args, {env})
    child.stdout.on('data', (d) => {
      last = performance.now()
      stdout += d
    })
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) => {
      const end = performance.now()
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`))
      else resolve({wall: end - t0, tail: end - last, stdout})
    })
  })
}

function clerkCli() {
  if (process.env.BENCH_CLERK_CLI) return process.env.BENCH_CLERK_CLI
  const prefix = join(tmpdir(), 'clerk-admin-bench-clerk-cli-3.3.0')
  const bin = join(prefix, 'node_modules', '.bin', 'clerk')
  if (existsSync(bin)) return bin
  mkdirSync(prefix, {recursive: true})
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', 'clerk@3.3.0'], {
    encoding: 'utf8',
    timeout: 180_000,
  })
  if (r.status === 0 && existsSync(bin)) return bin
  console.log(
    `Clerk's CLI 3.3.0 could not be installed (registry unreachable?): ${(r.stderr || r.error || '').toString().trim().split('\n').at(-1)}`,
  )
  return undefined
}

// ---- users list: clerk-admin vs Clerk's CLI, and the idle tail
const emu = await startEmulator({rateLimit: 'off'})
emu.store.seedUsers(20)
const ours = cleanEnv({CLERK_API_URL: emu.url, CLERK_SECRET_KEY: emu.secretKey})
const theirs = cleanEnv({
  CLERK_BACKEND_API_URL: emu.url,
  CLERK_SECRET_KEY: emu.secretKey,
  CLERK_CONFIG_DIR: join(dir, 'clerk-cli-config'),
  CLERK_TELEMETRY_DISABLED: '1',
  CLERK_NO_UPDATE_CHECK: '1',
})
const cli = clerkCli()
const oursRuns = []
const theirRuns = []
const byteRuns = []
for (let i = 0; i < RUNS; i++) {
  oursRuns.push(await timed(process.execPath, [BIN, 'users', 'list', '--limit', '10', '-o', 'json'], ours))
  if (cli) theirRuns.push(await timed(cli, ['users', 'list', '--limit', '10', '--json'], theirs))
  byteRuns.push(await timed(process.execPath, ['-e', 'process.stdout.write("x")'], cleanEnv()))
}
if (JSON.parse(oursRuns[0].stdout).length !== 10) throw new Error('clerk users list did not print 10 users')
const w = median(oursRuns.map((r) => r.wall))
console.log(`clerk-admin users list --limit 10 -o json   median wall ${fmt(w, 0)} ms (${RUNS} runs)`)
if (cli) {
  const c = median(theirRuns.map((r) => r.wall))
  console.log(`Clerk's CLI 3.3.0 users list --limit 10 --json median wall ${fmt(c, 0)} ms`)
  console.log(`  users list: ${fmt(w / c, 2)}x Clerk's CLI (target <= 0.8x)`)
}
const tail = median(oursRuns.map((r) => r.tail))
console.log(
  `  idle tail (last output to exit): median ${fmt(tail, 0)} ms; node -e writing one byte: ${fmt(median(byteRuns.map((r) => r.tail)), 0)} ms (target <= 20 ms)`,
)
await emu.stop()

// ---- unthrottled bulk import vs a plain fetch loop, same concurrency, fresh emulator each
const csv = join(dir, 'users.csv')
const lines = ['external_id,email,first_name,last_name']
for (let i = 0; i < ROWS; i++) lines.push(`ext-${i},bulk${i}@example.com,Ann ${i},Lee`)
writeFileSync(csv, `${lines.join('\n')}\n`)
const rssFile = join(dir, 'rss')
const rssEnv = {
  NODE_OPTIONS: `--import ${pathToFileURL(join(ROOT, 'bench', 'rss-probe.mjs')).href}`,
  BENCH_RSS_FILE: rssFile,
}

let e = await startEmulator({rateLimit: 'off'})
const loop = await timed(
  process.execPath,
  [join(ROOT, 'bench', 'fetch-loop.mjs'), e.url, e.secretKey, String(ROWS), String(CONCURRENCY)],
  cleanEnv(rssEnv),
)
const loopRss = Number(readFileSync(rssFile, 'utf8'))
const {ms: loopMs, ok} = JSON.parse(loop.stdout)
if (ok !== ROWS) throw new Error(`fetch loop created ${ok} of ${ROWS}`)
await e.stop()

e = await startEmulator({rateLimit: 'off'})
const args = ['users', 'import', csv, '--yes', '--journal', join(dir, 'import.journal'), '--progress', 'none']
args.push('--rate-limit', '1000000/1s', '--concurrency', String(CONCURRENCY))
const imp = await timed(
  process.execPath,
  [BIN, ...args],
  cleanEnv({...rssEnv, CLERK_API_URL: e.url, CLERK_SECRET_KEY: e.secretKey}),
)
const impRss = Number(readFileSync(rssFile, 'utf8'))
const posts = e.requests.filter((q) => q.method === 'POST' && q.path === '/v1/users' && q.status === 200)
if (posts.length !== ROWS) throw new Error(`users import created ${posts.length} of ${ROWS}`)
const span = posts.at(-1).startedAt - posts[0].startedAt
await e.stop()

const loopRate = ROWS / (loopMs / 1000)
const impRate = (ROWS - 1) / (span / 1000)
const mb = (b) => fmt(b / 1048576, 0)
console.log(
  `plain fetch loop, ${CONCURRENCY} workers: ${ROWS} POST /v1/users at ${fmt(loopRate, 0)} req/s, peak RSS ${mb(loopRss)} MB`,
)
console.log(
  `clerk users import --concurrency ${CONCURRENCY}, unthrottled: ${fmt(impRate, 0)} rows/s (first to last request; wall ${fmt(imp.wall / 1000, 1)} s incl. start-up and validation), peak RSS ${mb(impRss)} MB`,
)
console.log(
  `  bulk import: ${fmt(impRate / loopRate, 2)}x the fetch loop's rate (target >= 0.6x), peak RSS ${mb(impRss)} MB (target <= 120 MB)`,
)
