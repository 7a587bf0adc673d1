// Three `clerk users list --all --page-size 1` processes at once against one emulator instance limited to
// 30/3s: their combined request rate vs the limit (target >= 0.9 with the shared limiter) and their 429s.
// Measured in the same run: the shared Redis limiter, fixed shares (--rate-limit 10/3s each, no Redis),
// and no coordination at all (each process spends the whole 30/3s). Median of BENCH_RUNS runs.
import {spawn, spawnSync} from 'node:child_process'
import {createServer} from 'node:net'
import {join} from 'node:path'

import {ROOT, fmt, median, runCli} from './lib.js'

if (spawnSync('redis-server', ['--version'], {stdio: 'ignore'}).status !== 0) {
  console.log('redis-server is not installed (apt-get install -y redis-server): skipped')
  process.exit(0)
}

const {startEmulator} = await import(join(ROOT, 'dist', 'emulator', 'server.js'))
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const USERS = 30 // per process: 1 count + 30 pages = 31 requests; 93 for the three
const limit = {limit: 30, windowMs: 3000}
const allowed = limit.limit / (limit.windowMs / 1000)

const port = await new Promise((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const p = srv.address().port
    srv.close(() => resolve(p))
  })
})
const redis = spawn(
  'redis-server',
  ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  {stdio: ['ignore', 'pipe', 'inherit']},
)
await new Promise((resolve) => {
  let out = ''
  redis.stdout.on('data', (d) => {
    out += d
    if (out.includes('Ready to accept connections')) resolve()
  })
})
const redisUrl = `redis://127.0.0.1:${port}`

const modes = {
  'shared (--limiter-redis, 30/3s each)': ['--rate-limit', '30/3s', '--limiter-redis', redisUrl],
  'fixed shares (--rate-limit 10/3s each)': ['--rate-limit', '10/3s'],
  'uncoordinated (30/3s each)': ['--rate-limit', '30/3s'],
}

try {
  for (const [name, extra] of Object.entries(modes)) {
    const ratios = []
    const ofMax = []
    const limited = []
    const walls = []
    for (let i = 0; i < RUNS; i++) {
      const emu = await startEmulator({rateLimit: limit})
      emu.store.seedUsers(USERS)
      const env = {CLERK_API_URL: emu.url, CLERK_SECRET_KEY: emu.secretKey}
      const args = ['users', 'list', '--all', '--page-size', '1', '-o', 'ndjson', ...extra]
      const t = Date.now()
      const runs = await Promise.all([0, 1, 2].map(() => runCli(args, env)))
      walls.push((Date.now() - t) / 1000)
      for (const r of runs) if (r.code !== 0) throw new Error(`${name}: users list failed: ${r.stderr}`)
      const log = emu.requests.filter((q) => q.path.startsWith('/v1/'))
      const ok = log.filter((q) => q.status === 200)
      const spanS = (Math.max(...log.map((q) => q.endedAt)) - Math.min(...log.map((q) => q.startedAt))) / 1000
      // useful requests per second over the whole span (n requests span n-1 intervals)
      ratios.push((ok.length - 1) / spanS / allowed)
      // the emulator's token bucket starts full: in spanS it can pass at most limit + allowed * spanS
      ofMax.push(ok.length / (limit.limit + allowed * spanS))
      limited.push(log.length - ok.length)
      await emu.stop()
    }
    console.log(
      `${name}: combined ${fmt(median(ratios), 3)} of the limit (${allowed} req/s; ` +
        `${fmt(median(ofMax), 3)} of what the full bucket could pass in that time), ` +
        `429s median ${median(limited)} of ${3 * (USERS + 1)} requests, wall ${fmt(median(walls), 1)} s`,
    )
  }
} finally {
  redis.kill('SIGTERM')
}
