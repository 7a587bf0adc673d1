// `clerk users list --all --page-size 10` against the emulator at a 50/5s limit: requests per second
// achieved vs the limit itself (target >= 0.95), median of RUNS runs, 429s counted.
import {join} from 'node:path'

import {ROOT, fmt, median, runCli} from './lib.js'

const {startEmulator} = await import(join(ROOT, 'dist', 'emulator', 'server.js'))
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const USERS = 990 // 99 pages of 10 + 1 count = 100 requests
const limit = {limit: 50, windowMs: 5000}
const allowed = limit.limit / (limit.windowMs / 1000)

const ratios = []
let total429 = 0
for (let i = 0; i < RUNS; i++) {
  const emu = await startEmulator({rateLimit: limit})
  emu.store.seedUsers(USERS)
  const r = await runCli(['users', 'list', '--all', '--page-size', '10', '-o', 'ndjson', '--rate-limit', '50/5s'], {
    CLERK_API_URL: emu.url,
    CLERK_SECRET_KEY: emu.secretKey,
  })
  if (r.code !== 0) throw new Error(`users list failed: ${r.stderr}`)
  const log = emu.requests
  const spanS = (log.at(-1).endedAt - log[0].startedAt) / 1000
  // n requests span n-1 intervals at the paced rate
  const rps = (log.length - 1) / spanS
  total429 += log.filter((q) => q.status === 429).length
  ratios.push(rps / allowed)
  console.log(
    `run ${i + 1}: ${log.length} requests in ${fmt(spanS, 2)} s = ${fmt(rps, 2)} req/s (wall ${fmt(r.ms / 1000, 2)} s incl. startup)`,
  )
  await emu.stop()
}
console.log(
  `users list --all at 50/5s: median ${fmt(median(ratios), 3)} of the limit (${allowed} req/s), 429s in all runs: ${total429}`,
)
