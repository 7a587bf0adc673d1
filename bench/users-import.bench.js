// `clerk users import` against the emulator at a known limit (50 req/s, given to the CLI with --rate-limit):
// POST /v1/users per second achieved vs the limit itself (target >= 0.95), 429s counted (target: a handful at most).
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {ROOT, fmt, median, runCli} from './lib.js'

const {startEmulator} = await import(join(ROOT, 'dist', 'emulator', 'server.js'))
const RUNS = Number(process.env.BENCH_RUNS ?? 2)
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 600)
const limit = {limit: 100, windowMs: 2000}
const allowed = limit.limit / (limit.windowMs / 1000)

const dir = mkdtempSync(join(tmpdir(), 'bench-import-'))
const csv = join(dir, 'users.csv')
const lines = ['external_id,email,first_name,last_name,public_metadata']
for (let i = 0; i < ROWS; i++) lines.push(`ext-${i},user${i}@example.com,"Ann, ${i}","O""Brien","{""n"":${i}}"`)
writeFileSync(csv, `${lines.join('\r\n')}\r\n`)

const ratios = []
let total429 = 0
for (let i = 0; i < RUNS; i++) {
  const emu = await startEmulator({rateLimit: limit})
  const r = await runCli(
    [
      'users',
      'import',
      csv,
      '--yes',
      '--journal',
      join(dir, `run${i}.journal`),
      '--rate-limit',
      '100/2s',
      '--progress',
      'none',
    ],
    {
      CLERK_API_URL: emu.url,
      CLERK_SECRET_KEY: emu.secretKey,
    },
  )
  if (r.code !== 0) throw new Error(`users import failed (${r.code}): ${r.stderr}`)
  const posts = emu.requests.filter((q) => q.method === 'POST' && q.path === '/v1/users')
  const spanS = (posts.at(-1).startedAt - posts[0].startedAt) / 1000
  const rps = (posts.length - 1) / spanS // n requests span n-1 intervals at the paced rate
  const n429 = emu.requests.filter((q) => q.status === 429).length
  total429 += n429
  ratios.push(rps / allowed)
  console.log(
    `run ${i + 1}: ${posts.length} users created in ${fmt(spanS, 2)} s = ${fmt(rps, 2)} req/s, 429s: ${n429} (wall ${fmt(r.ms / 1000, 2)} s incl. startup and validation)`,
  )
  await emu.stop()
}
console.log(
  `users import at ${allowed} req/s: median ${fmt(median(ratios), 3)} of the limit (target >= 0.95), 429s in all runs: ${total429}`,
)
