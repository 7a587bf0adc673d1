// `clerk users export` of 100k users (NDJSON to a file): the child's peak RSS (VmHWM, polled from /proc, and the
// CLI's own process.resourceUsage().maxRSS from --verbose), against the same export of 1,000 users as the
// baseline measured in this run. Target: under 150 MB for 100k users.
// Then the same 100k export through `--jq '.id'` (real jq, as WebAssembly): users/s against the plain NDJSON
// export of this run (target >= 0.7x) and its peak RSS (target < 150 MB). The two exports take turns, ROUNDS
// times each (BENCH_ROUNDS, default 3; the order alternates), and the medians are compared: on a shared
// machine a single pair swings by more than the difference measured.
import {spawn} from 'node:child_process'
import {readFileSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {BIN, ROOT, cleanEnv, fmt, median} from './lib.js'

const {startEmulator} = await import(join(ROOT, 'dist', 'emulator', 'server.js'))
const dir = mkdtempSync(join(tmpdir(), 'bench-export-'))

function vmHwmMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : 0
  } catch {
    return 0
  }
}

async function exportRun(users, extra = []) {
  const emu = await startEmulator({rateLimit: 'off'})
  emu.store.seedUsers(users)
  const out = join(dir, `users-${users}${extra.length ? '-jq' : ''}.ndjson`)
  const t = Date.now()
  const child = spawn(
    process.execPath,
    [BIN, 'users', 'export', '--out', out, '--rate-limit', '1000/1s', '--verbose', '--progress', 'none', ...extra],
    {
      env: cleanEnv({CLERK_API_URL: emu.url, CLERK_SECRET_KEY: emu.secretKey}),
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  let peak = 0
  const poll = setInterval(() => (peak = Math.max(peak, vmHwmMb(child.pid))), 20)
  const code = await new Promise((resolve) =>
    child.on('exit', (c) => {
      peak = Math.max(peak, vmHwmMb(child.pid))
      resolve(c)
    }),
  )
  clearInterval(poll)
  await emu.stop()
  if (code !== 0) throw new Error(`users export failed (${code}): ${stderr}`)
  const self = Number(/peak RSS: (\d+) MB/.exec(stderr)?.[1] ?? 0)
  const lines = readFileSync(out, 'utf8').split('\n').length - 1
  if (lines !== users) throw new Error(`users export wrote ${lines} lines, not ${users}`)
  return {peak: Math.max(peak, self), polled: peak, self, s: (Date.now() - t) / 1000}
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const base = await exportRun(1000)
console.log(`baseline: 1,000 users, peak RSS ${fmt(base.peak, 0)} MB (${fmt(base.s, 2)} s)`)
const plain = []
const jq = []
for (let i = 0; i < ROUNDS; i++) {
  for (const which of i % 2 ? ['jq', 'plain'] : ['plain', 'jq']) {
    const r = which === 'jq' ? await exportRun(100_000, ['--jq', '.id']) : await exportRun(100_000)
    ;(which === 'jq' ? jq : plain).push(r)
    console.log(
      `  round ${i + 1} ${which === 'jq' ? "--jq '.id'" : 'plain    '}: ${fmt(r.s, 2)} s, ${fmt(100_000 / r.s, 0)} users/s, peak RSS ${fmt(r.peak, 0)} MB (polled ${fmt(r.polled, 0)}, self-reported ${r.self})`,
    )
  }
}
const rate = (runs) => median(runs.map((r) => 100_000 / r.s))
const peak = (runs) => median(runs.map((r) => r.peak))
const max = (runs) => Math.max(...runs.map((r) => r.peak))
console.log(
  `users export 100k: peak RSS ${fmt(peak(plain), 0)} MB median, ${fmt(max(plain), 0)} max (target < 150), ${fmt(peak(plain) - base.peak, 0)} MB above the 1k-user baseline; ${fmt(rate(plain), 0)} users/s median`,
)
console.log(
  `users export --jq '.id' 100k: peak RSS ${fmt(peak(jq), 0)} MB median, ${fmt(max(jq), 0)} max (target < 150); ${fmt(rate(jq), 0)} users/s median`,
)
console.log(
  `users export --jq '.id' 100k: ${fmt(rate(jq) / rate(plain), 2)}x the users/s of plain -o ndjson in this run (medians of ${ROUNDS}; target >= 0.7)`,
)
