// A 10k-user Firebase migration (`clerk users import --from firebase`) against the emulator at a known limit
// (Clerk's production rate, 1000 req/10s, given to the CLI with --rate-limit): rows/s end to end (readiness
// check included) and POST /v1/users per second vs the limit; baseline: a plain `users import` of the same
// number of rows at the same limit, in the same run.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {ROOT, fmt, runCli} from './lib.js'

const {startEmulator} = await import(join(ROOT, 'dist', 'emulator', 'server.js'))
const ROWS = Number(process.env.BENCH_MIGRATE_ROWS ?? 10_000)
const limit = {limit: 1000, windowMs: 10_000}
const allowed = limit.limit / (limit.windowMs / 1000)
const hash = {key: Buffer.from('bench-signer-key').toString('base64'), sep: 'Bw=='}

const dir = mkdtempSync(join(tmpdir(), 'bench-migrate-'))
const firebase = join(dir, 'users.json')
const users = []
for (let i = 0; i < ROWS; i++)
  users.push({
    localId: `fb${i}`,
    email: `user${i}@example.com`,
    emailVerified: i % 10 !== 0,
    // a digest of the right shape: the emulator stores it, the bench never signs in
    passwordHash: Buffer.from(`hash-${i}`).toString('base64'),
    salt: Buffer.from(`salt-${i}`).toString('base64'),
    displayName: `User ${i}`,
    createdAt: String(1_600_000_000_000 + i),
  })
writeFileSync(firebase, JSON.stringify({users}, null, 2))
const csv = join(dir, 'users.csv')
const lines = ['external_id,email,first_name,last_name']
for (let i = 0; i < ROWS; i++) lines.push(`fb${i},user${i}@example.com,User,${i}`)
writeFileSync(csv, `${lines.join('\n')}\n`)

async function run(label, args) {
  const emu = await startEmulator({rateLimit: limit, secretKey: `sk_live_bench${'0'.repeat(36)}`}) // a production instance: no user cap
  const r = await runCli([...args, '--yes', '--rate-limit', '1000/10s', '--progress', 'none'], {
    CLERK_API_URL: emu.url,
    CLERK_SECRET_KEY: emu.secretKey,
  })
  if (r.code !== 0) throw new Error(`${label} failed (${r.code}): ${r.stderr.slice(-2000)}`)
  const posts = emu.requests.filter((q) => q.method === 'POST' && q.path === '/v1/users')
  const gets = emu.requests.filter((q) => q.method === 'GET').length
  const spanS = (posts.at(-1).startedAt - posts[0].startedAt) / 1000
  const rps = (posts.length - 1) / spanS
  const n429 = emu.requests.filter((q) => q.status === 429).length
  console.log(
    `${label}: ${posts.length} users in ${fmt(r.ms / 1000, 1)} s wall = ${fmt(ROWS / (r.ms / 1000), 1)} rows/s end to end; ` +
      `POST ${fmt(rps, 1)} req/s = ${fmt(rps / allowed, 3)} of the ${allowed} req/s limit; ${gets} GETs (readiness), 429s: ${n429}`,
  )
  await emu.stop()
  return rps / allowed
}

const base = await run('baseline users import (CSV)', ['users', 'import', csv, '--journal', join(dir, 'plain.journal')])
const migrate = await run('users import --from firebase', [
  ...['users', 'import', firebase, '--from', 'firebase', '--journal', join(dir, 'fb.journal')],
  ...['--hash-key', hash.key, '--salt-separator', hash.sep, '--rounds', '8', '--mem-cost', '14'],
])
console.log(
  `${ROWS} rows at ${allowed} req/s: migration ${fmt(migrate, 3)} of the limit vs plain import ${fmt(base, 3)} (target >= 0.95 of the baseline)`,
)
