// `clerk token verify --batch` throughput against raw node:crypto RS256 verification of the same tokens,
// measured in the same run. Also shows what one authenticateRequest per token would give (the single-token
// path), to explain why the batch path verifies session tokens itself (src/lib/token/fast.ts).
//
// Tokens: 2 000 distinct session tokens (RS256, RSA-2048), repeated to TOKENS lines. The CLI runs as a child
// process (offline, --jwt-key): its throughput is (TOKENS - 1) / (time for TOKENS lines - time for 1 line),
// so process startup is not counted; the end-to-end figure is printed too.
import {createPublicKey, createSign, generateKeyPairSync, verify} from 'node:crypto'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {spawn} from 'node:child_process'

import {BIN, cleanEnv, fmt, median} from './lib.js'

const TOKENS = Number(process.env.BENCH_TOKENS ?? 20_000)
const DISTINCT = 2000
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

const {privateKey, publicKey} = generateKeyPairSync('rsa', {modulusLength: 2048})
const pem = publicKey.export({type: 'spki', format: 'pem'}).toString()
const b64 = (s) => Buffer.from(s).toString('base64url')
const now = Math.floor(Date.now() / 1000)
const distinct = []
for (let i = 0; i < DISTINCT; i++) {
  const h = b64(JSON.stringify({alg: 'RS256', kid: 'ins_bench', typ: 'JWT', cat: 'cl_B7d4PD111AAA'}))
  const p = b64(
    JSON.stringify({
      azp: 'http://localhost:3000',
      exp: now + 3600,
      iat: now,
      iss: 'https://clerk.example.com',
      nbf: now - 10,
      sid: `sess_${i}`,
      sub: `user_${i}`,
      v: 2,
    }),
  )
  distinct.push(`${h}.${p}.${createSign('RSA-SHA256').update(`${h}.${p}`).sign(privateKey).toString('base64url')}`)
}
const tokens = Array.from({length: TOKENS}, (_, i) => distinct[i % DISTINCT])

// Raw: split, base64url-decode, RS256 verify with a key imported once, parse the claims, check exp.
function raw() {
  const key = createPublicKey(pem)
  const t = performance.now()
  let ok = 0
  for (const token of tokens) {
    const [h, p, s] = token.split('.')
    if (
      verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url')) &&
      JSON.parse(Buffer.from(p, 'base64url').toString()).exp > now
    )
      ok++
  }
  if (ok !== TOKENS) throw new Error(`raw verified ${ok} of ${TOKENS}`)
  return TOKENS / ((performance.now() - t) / 1000)
}

const dir = mkdtempSync(join(tmpdir(), 'token-bench-'))
const keyFile = join(dir, 'key.pem')
writeFileSync(keyFile, pem)

function runBatch(lines) {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint()
    const child = spawn(process.execPath, [BIN, 'token', 'verify', '--batch', '--jwt-key', `@${keyFile}`], {
      env: cleanEnv(),
    })
    let out = 0
    let err = ''
    child.stdout.on('data', (d) => (out += d.toString().split('\n').length - 1))
    child.stderr.on('data', (d) => (err += d))
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t) / 1e6
      if (code !== 0 || out !== lines.length) reject(new Error(`batch exited ${code} with ${out} lines: ${err}`))
      else resolve(ms)
    })
    child.stdin.end(`${lines.join('\n')}\n`)
  })
}

// One authenticateRequest per token, in-process (what the batch path would cost through the SDK).
async function sdk(n) {
  const {createClerkClient} = await import('@clerk/backend')
  const clerk = createClerkClient({
    secretKey: 'sk_test_bench',
    publishableKey: `pk_test_${Buffer.from('clerk.example.com$').toString('base64')}`,
    jwtKey: pem,
    telemetry: {disabled: true},
  })
  const t = performance.now()
  for (const token of tokens.slice(0, n)) {
    const state = await clerk.authenticateRequest(
      new Request('https://x.invalid/', {headers: {authorization: `Bearer ${token}`}}),
    )
    if (!state.isAuthenticated) throw new Error(`sdk: ${state.reason}`)
  }
  return n / ((performance.now() - t) / 1000)
}

const rawRates = []
const batchRates = []
const e2eRates = []
// raw and batch are measured back to back in each run; the ratio is the median of the per-run ratios, which
// holds up better than a ratio of medians when other processes share the CPU
const ratios = []
for (let i = 0; i < RUNS; i++) {
  rawRates.push(raw())
  const one = await runBatch(tokens.slice(0, 1))
  const all = await runBatch(tokens)
  batchRates.push((TOKENS - 1) / ((all - one) / 1000))
  ratios.push(batchRates.at(-1) / rawRates.at(-1))
  e2eRates.push(TOKENS / (all / 1000))
}
const sdkRate = await sdk(Math.min(TOKENS, 3000))
const rawM = median(rawRates)
const batchM = median(batchRates)
console.log(`tokens: ${TOKENS} (${DISTINCT} distinct, RS256 / RSA-2048), ${RUNS} runs, medians`)
console.log(`raw node:crypto RS256 verify:          ${fmt(rawM, 0)} tokens/s (baseline)`)
console.log(
  `clerk token verify --batch (offline):  ${fmt(batchM, 0)} tokens/s  = ${fmt(median(ratios), 2)} x raw (median per-run ratio; target >= 0.5)`,
)
console.log(`  end to end incl. process startup:   ${fmt(median(e2eRates), 0)} tokens/s`)
console.log(
  `authenticateRequest per token (SDK):   ${fmt(sdkRate, 0)} tokens/s  = ${fmt(sdkRate / rawM, 2)} x raw (single-token path)`,
)
