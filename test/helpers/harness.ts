/**
 * The test harness: an emulator for a file (or one test), every response it served checked against the
 * spec when it stops, and a runner bound to it. Commands still run as spawned `bin/run.js` processes.
 *
 *   const t = useEmulator({rateLimit: 'off'})          // beforeAll: start; afterAll: check the spec, stop
 *   beforeAll(() => t.seedUsers(95))
 *   it('lists', async () => {
 *     const users = await t.json(['users', 'list', '--limit', '5'])   // exit 0 asserted, `-o json` parsed
 *     const since = t.mark()
 *     await t.usage(['users', 'delete', 'user_x', '--bogus'])         // exit 2 asserted
 *     expect(since()).toEqual([])                                    // requests served since mark()
 *   })
 *
 *   await withEmulator({secretKey: 'sk_live_...'}, async (t) => { ... })   // one test's own emulator
 *
 * Setup data goes through the emulator's API (`t.emu.request(...)`, or `t.createUser(...)` for the common
 * case), so the store holds what Clerk would have made of it, not what a test wrote into it.
 *
 * `useEmulator({each: true})` gives every test a fresh emulator (beforeEach/afterEach). With one emulator for
 * the file, the responses each test caused are also checked right after it, so the failure names that test.
 */
import {afterAll, afterEach, beforeAll, beforeEach, expect} from 'vitest'

import type {EmulatorOptions, RequestLogEntry} from '../../src/emulator/server.js'
import {type CliOptions, type CliResult, emulatorEnv, runCli, startCli} from './cli.js'
import {startTestEmulator, type TestEmulator} from './emulator.js'

export interface RunOptions extends CliOptions {
  /** extra environment, merged over the emulator's URL and key (a value of undefined removes a variable) */
  env?: Record<string, string | undefined>
}

export interface Harness {
  /** the running emulator (available inside tests and hooks, not at module load) */
  readonly emu: TestEmulator
  /** CLERK_API_URL and CLERK_SECRET_KEY for the emulator, plus `extra` */
  env(extra?: Record<string, string | undefined>): Record<string, string | undefined>
  /** run `clerk ...args` against the emulator */
  run(args: string[], options?: RunOptions): Promise<CliResult>
  /** start it without waiting (for signals and ptys): as startCli */
  start(args: string[], options?: RunOptions): ReturnType<typeof startCli>
  /** run and expect exit 0; the failure message carries the argv and stderr */
  ok(args: string[], options?: RunOptions): Promise<CliResult>
  /** run with `-o json` (unless an output is given) and parse stdout */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json<T = any>(args: string[], options?: RunOptions): Promise<T>
  /** run with `-o ndjson` (unless an output is given) and parse every line */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ndjson<T = any>(args: string[], options?: RunOptions): Promise<T[]>
  /** run and expect a usage failure (exit 2) */
  usage(args: string[], options?: RunOptions): Promise<CliResult>
  /** run and expect exit `code` */
  fails(code: number, args: string[], options?: RunOptions): Promise<CliResult>
  /** add `n` sample users to the emulator's store (and return them) */
  seedUsers(n: number): ReturnType<TestEmulator['store']['seedUsers']>
  /**
   * create one user through `POST /v1/users` (an email address, or the whole request body); expects a 200
   * and returns the user as the emulator answered it
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createUser(emailOrBody: string | Record<string, unknown>): Promise<any>
  /** a function returning every request the emulator served after this call */
  mark(): () => RequestLogEntry[]
}

const describeRun = (args: string[], r: CliResult) =>
  `clerk ${args.join(' ')} exited ${r.code}${r.signal ? ` (${r.signal})` : ''}\nstderr: ${r.stderr}\nstdout: ${r.stdout.slice(0, 2000)}`

const hasOutput = (args: string[]) =>
  args.some((a) => a === '-o' || a === '--output' || a.startsWith('--output=') || a === '--json')

/** A runner bound to an emulator (the object behind useEmulator and withEmulator). */
export function harnessFor(get: () => TestEmulator): Harness {
  const env = (extra: Record<string, string | undefined> = {}) => emulatorEnv(get(), extra)
  const opts = (o: RunOptions = {}): CliOptions => ({...o, env: env(o.env)})
  const run = (args: string[], o?: RunOptions) => runCli(args, opts(o))
  const expectCode = async (code: number, args: string[], o?: RunOptions) => {
    const r = await run(args, o)
    expect(r.code, describeRun(args, r)).toBe(code)
    return r
  }
  return {
    get emu() {
      return get()
    },
    env,
    run,
    start: (args, o) => startCli(args, opts(o)),
    ok: (args, o) => expectCode(0, args, o),
    async json(args, o) {
      const r = await expectCode(0, hasOutput(args) ? args : [...args, '-o', 'json'], o)
      return JSON.parse(r.stdout)
    },
    async ndjson(args, o) {
      const r = await expectCode(0, hasOutput(args) ? args : [...args, '-o', 'ndjson'], o)
      return r.stdout
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l))
    },
    usage: (args, o) => expectCode(2, args, o),
    fails: expectCode,
    seedUsers: (n) => get().store.seedUsers(n),
    async createUser(emailOrBody) {
      const body = typeof emailOrBody === 'string' ? {email_address: [emailOrBody]} : emailOrBody
      const r = await get().request('POST', '/v1/users', body)
      expect(r.status, `POST /v1/users ${JSON.stringify(body)}: ${JSON.stringify(r.body)}`).toBe(200)
      return r.body
    },
    mark() {
      const from = get().requests.length
      return () => get().requests.slice(from)
    },
  }
}

async function stopChecked(emu: TestEmulator | undefined, from = 0): Promise<void> {
  if (!emu) return
  try {
    emu.assertResponsesMatchSpec(from)
  } finally {
    await emu.stop()
  }
}

/** An emulator for the whole file (or, with `each: true`, for every test), spec-checked and stopped after. */
export function useEmulator(options: EmulatorOptions & {each?: boolean} = {}): Harness {
  const {each, ...emulatorOptions} = options
  let emu: TestEmulator | undefined
  const start = async () => {
    emu = await startTestEmulator(emulatorOptions)
  }
  // the log up to `checked` has been checked, `last` being its last entry; if a test emptied or trimmed the
  // log, that entry is no longer there and everything left is checked again
  let checked = 0
  let last: RequestLogEntry | undefined
  const unchecked = (e: TestEmulator) => {
    const from = last !== undefined && e.requests[checked - 1] === last ? checked : 0
    checked = e.requests.length
    last = e.requests.at(-1)
    return from
  }
  const stop = async () => {
    const e = emu
    emu = undefined
    if (e) await stopChecked(e, unchecked(e))
    checked = 0
    last = undefined
  }
  if (each) {
    beforeEach(start)
    afterEach(stop)
  } else {
    // responses are checked after every test too (only the ones served since the last check), so a mismatch
    // fails the test that caused it; the check at stop covers whatever the last hooks sent
    beforeAll(start)
    afterEach(() => emu?.assertResponsesMatchSpec(unchecked(emu)))
    afterAll(stop)
  }
  return harnessFor(() => {
    if (!emu) throw new Error('the emulator runs only inside tests and hooks')
    return emu
  })
}

/** One emulator for one piece of a test: started, handed over, spec-checked and stopped (also on failure). */
export async function withEmulator<T>(options: EmulatorOptions, body: (t: Harness) => Promise<T>): Promise<T> {
  const emu = await startTestEmulator(options)
  let failed = false
  try {
    return await body(harnessFor(() => emu))
  } catch (error) {
    failed = true
    throw error
  } finally {
    if (failed) await emu.stop()
    else await stopChecked(emu)
  }
}
