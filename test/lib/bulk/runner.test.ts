import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {loadJournalState} from '../../../src/lib/bulk/journal.js'
import {type BulkJob, type BulkRunOptions, type Outcome, runBulk} from '../../../src/lib/bulk/runner.js'

const fresh = () => mkdtempSync(join(tmpdir(), 'bulk-run-'))

function csv(dir: string, n: number, extra = ''): string {
  const p = join(dir, 'in.csv')
  const lines = ['email,name']
  for (let i = 1; i <= n; i++) lines.push(`u${i}@x.io,"User, ${i}"`)
  writeFileSync(p, lines.join('\n') + '\n' + extra)
  return p
}

/** A job over an in-memory "server": a Set of created keys (the test plays the API). */
function job(
  server: Map<string, number>,
  opts: {fail?: (key: string, attempt: number) => Outcome | undefined; batchSize?: number; reconcile?: boolean} = {},
): BulkJob<{email: string}> & {calls: number} {
  const j = {
    name: 'test import',
    action: 'create things',
    calls: 0,
    batchSize: opts.batchSize,
    prepare(record: Record<string, unknown>) {
      const email = String(record.email ?? '')
      return email.includes('@') ? {key: email, value: {email}} : {error: `bad email "${email}"`}
    },
    async execute(batch: Array<{row: number; key: string; value: {email: string}}>, ctx: {attempt: number}) {
      j.calls++
      return batch.map((item) => {
        const f = opts.fail?.(item.key, ctx.attempt)
        if (f) return f
        server.set(item.key, (server.get(item.key) ?? 0) + 1)
        return {status: 'ok' as const, id: `id_${item.key}`}
      })
    },
    reconcile:
      opts.reconcile === false
        ? undefined
        : async (item: {key: string}) =>
            server.has(item.key) ? {status: 'ok' as const, id: `id_${item.key}`} : undefined,
  }
  return j
}

const base = (input: string, extra: Partial<BulkRunOptions> = {}): BulkRunOptions => ({
  input,
  yes: true,
  interactive: false,
  concurrency: 4,
  target: {apiUrl: 'http://x', instance: 'development'},
  notify: () => undefined,
  progress: 'none',
  ...extra,
})

describe('runBulk', () => {
  it('runs every row, journals and reports it', async () => {
    const dir = fresh()
    const input = csv(dir, 25)
    const server = new Map<string, number>()
    const report = join(dir, 'report.ndjson')
    const r = await runBulk(job(server, {batchSize: 10}), base(input, {report}))
    expect(r).toMatchObject({total: 25, ok: 25, failed: 0, exitCode: 0})
    expect(server.size).toBe(25)
    const lines = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(25)
    expect(lines[0]).toMatchObject({status: 'ok', id: expect.stringMatching(/^id_/), code: null})
    const st = await loadJournalState(`${input}.journal`)
    expect(st.done.size).toBe(25)
    expect(st.pending.size).toBe(0)
    expect(existsSync(`${input}.journal.lock`)).toBe(false)
  })

  it('refuses invalid rows before any request; --skip-invalid sends the rest; --validate-only sends nothing', async () => {
    const dir = fresh()
    const input = csv(dir, 5, 'nope,x\nu1@x.io,dup\n')
    const server = new Map<string, number>()
    const j = job(server)
    await expect(runBulk(j, base(input))).rejects.toMatchObject({exitCode: 2})
    expect(j.calls).toBe(0)
    const v = await runBulk(j, base(input, {validateOnly: true, report: join(dir, 'v.ndjson')}))
    expect(v).toMatchObject({invalid: 2, exitCode: 2})
    expect(j.calls).toBe(0)
    expect(readFileSync(join(dir, 'v.ndjson'), 'utf8')).toMatch(/duplicate of row 1/)
    const r = await runBulk(j, base(input, {skipInvalid: true}))
    expect(r).toMatchObject({ok: 5, failed: 2, exitCode: 5})
  })

  it('--dry-run sends nothing and writes no journal', async () => {
    const dir = fresh()
    const input = csv(dir, 5)
    const lines: string[] = []
    const j = job(new Map())
    const r = await runBulk(
      j,
      base(input, {
        dryRun: true,
        notify: (l) => lines.push(l),
        limiter: {estimateMs: (n) => n * 100, stats: {jobs: 0, rateLimited: 0}},
      }),
    )
    expect(j.calls).toBe(0)
    expect(r.exitCode).toBe(0)
    expect(existsSync(`${input}.journal`)).toBe(false)
    expect(lines.join('\n')).toMatch(/requests: +5/)
    expect(lines.join('\n')).toMatch(/Dry run/)
  })

  it('refuses without --yes when nobody can be asked', async () => {
    const dir = fresh()
    await expect(runBulk(job(new Map()), base(csv(dir, 2), {yes: false}))).rejects.toMatchObject({exitCode: 2})
  })

  it('retries retryable failures after reconciling, and never sends a done row twice', async () => {
    const dir = fresh()
    const input = csv(dir, 30)
    const server = new Map<string, number>()
    // every 3rd row: the first attempt "times out" after the server created it (ambiguous)
    const j = job(server, {
      fail: (key, attempt) => {
        if (attempt === 1 && Number(key.slice(1).split('@')[0]) % 3 === 0) {
          server.set(key, (server.get(key) ?? 0) + 1)
          return {status: 'failed', code: 'unexpected_error', message: 'timeout', retryable: true}
        }
        return undefined
      },
    })
    const r = await runBulk(j, base(input))
    expect(r).toMatchObject({ok: 30, failed: 0})
    expect([...server.values()].every((n) => n === 1)).toBe(true)
  })

  it('resume skips done rows, reconciles rows in flight, and refuses a changed input', async () => {
    const dir = fresh()
    const input = csv(dir, 10)
    const journal = `${input}.journal`
    const server = new Map<string, number>()
    // A first run that "died": rows 1-4 done, rows 5-6 sent (5 took effect), nothing else.
    writeFileSync(
      journal,
      [
        JSON.stringify({
          t: 'header',
          v: 1,
          job: 'test import',
          input,
          sha256: (await import('node:crypto')).createHash('sha256').update(readFileSync(input)).digest('hex'),
          created_at: '',
        }),
        ...[1, 2, 3, 4].map((row) => JSON.stringify({t: 'done', row, key: `u${row}@x.io`, status: 'ok'})),
        JSON.stringify({t: 'intent', rows: [5, 6]}),
        '{"t":"done","row":6,"ke', // torn line
      ].join('\n'),
    )
    for (const k of ['u1@x.io', 'u2@x.io', 'u3@x.io', 'u4@x.io', 'u5@x.io']) server.set(k, 1)
    await expect(runBulk(job(server), base(input))).rejects.toMatchObject({
      exitCode: 2,
      extra: {hint: expect.stringMatching(/--resume/)},
    })
    const r = await runBulk(job(server), base(input, {resume: true}))
    expect(r).toMatchObject({total: 10, ok: 10, failed: 0})
    expect(server.size).toBe(10)
    expect([...server.values()].every((n) => n === 1)).toBe(true)
    writeFileSync(input, readFileSync(input, 'utf8') + 'u99@x.io,x\n')
    await expect(runBulk(job(server), base(input, {resume: true}))).rejects.toThrow(/input changed/)
  })

  it('permanent failures are reported and not retried; exit 5', async () => {
    const dir = fresh()
    const input = csv(dir, 4)
    const j = job(new Map(), {
      fail: (key) =>
        key === 'u2@x.io' ? {status: 'failed', code: 'form_identifier_exists', message: 'taken'} : undefined,
    })
    const r = await runBulk(j, base(input, {concurrency: 1}))
    expect(r).toMatchObject({ok: 3, failed: 1, exitCode: 5})
    expect(j.calls).toBe(4)
  })

  it('an execute() that throws fails its batch with a classified error', async () => {
    const dir = fresh()
    const input = csv(dir, 3)
    const j = job(new Map(), {reconcile: false})
    j.execute = async () => {
      throw Object.assign(new Error('nope'), {status: 422, errors: [{code: 'form_param_unknown', message: 'x'}]})
    }
    const report = join(dir, 'r.ndjson')
    const r = await runBulk(j, base(input, {report}))
    expect(r).toMatchObject({failed: 3, exitCode: 5})
    expect(readFileSync(report, 'utf8')).toMatch(/form_param_unknown/)
  })
})

describe('endpoint budgets', () => {
  it('a job budget (e.g. 25/hour) shows in the plan with the time it takes, and paces execute()', async () => {
    const {EndpointPacer} = await import('../../../src/lib/bulk/pacer.js')
    expect(EndpointPacer.estimateMs({limit: 25, windowMs: 3_600_000}, 25)).toBe(0)
    expect(EndpointPacer.estimateMs({limit: 25, windowMs: 3_600_000}, 75)).toBe(7_200_000)
    const dir = fresh()
    const input = csv(dir, 300)
    const lines: string[] = []
    const j = {
      ...job(new Map(), {batchSize: 10}),
      budget: {rate: {limit: 25, windowMs: 3_600_000}, label: 'POST /v1/invitations/bulk 25/hour'},
    }
    await runBulk(j, base(input, {dryRun: true, notify: (l) => lines.push(l)}))
    expect(lines.join('\n')).toMatch(/requests: +30 \(batches of 10\)/)
    expect(lines.join('\n')).toMatch(/25\/hour/)
    expect(lines.join('\n')).toMatch(/time: +about 12m/)
    // pacing: a bucket of 3 per 300 ms lets 3 through at once, then one per 100 ms
    const pacer = new EndpointPacer({limit: 3, windowMs: 300})
    const t = Date.now()
    for (let i = 0; i < 5; i++) await pacer.take()
    expect(Date.now() - t).toBeGreaterThanOrEqual(150)
  })
})
