// `clerk users export` of 100k users (NDJSON to a file): the child's peak RSS (VmHWM, polled from /proc, and the
// CLI's own process.resourceUsage().maxRSS from --verbose), against the same export of 1,000 users as the
// baseline measured in this run. Target: under 150 MB for 100k users.
// Then the same 100k export through `--jq '.id'` (real jq, as WebAssembly): users/s against the plain NDJSON
// export of this run (target >= 0.7x) and its peak RSS (target < 150 MB).
import {spawn} from 'node:child_process'
import {readFileSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {BIN, ROOT, cleanEnv, fmt} from './lib.js'

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

const base = await exportRun(1000)
console.log(`baseline: 1,000 users, peak RSS ${fmt(base.peak, 0)} MB (${fmt(base.s, 2)} s)`)
const big = await exportRun(100_000)
console.log(
  `100,000 users: peak RSS ${fmt(big.peak, 0)} MB (polled VmHWM ${fmt(big.polled, 0)}, self-reported ${big.self}), ${fmt(big.s, 2)} s, ${fmt(100_000 / big.s, 0)} users/s`,
)
console.log(
  `users export 100k: peak RSS ${fmt(big.peak, 0)} MB (target < 150), ${fmt(big.peak - base.peak, 0)} MB above the 1k-user baseline`,
)
const jq = await exportRun(100_000, ['--jq', '.id'])
console.log(
  `100,000 users --jq '.id': peak RSS ${fmt(jq.peak, 0)} MB (target < 150), ${fmt(jq.s, 2)} s, ${fmt(100_000 / jq.s, 0)} users/s`,
)
console.log(
  `users export --jq '.id' 100k: ${fmt(big.s / jq.s, 2)}x the users/s of plain -o ndjson in this run (target >= 0.7)`,
)
