import type BottleneckType from '@maselious/bottleneck'

import {humanDuration, sleep} from '../util/duration.js'
import type {Rate} from './rate.js'

export interface LimiterOptions {
  rate: Rate
  maxConcurrent: number
  /** minTime = window / limit × margin; 3 % under the budget keeps a token-bucket or fixed-window server quiet */
  margin?: number
  /** one-line notices for people (stderr) */
  notify?: (message: string) => void
  /** extra bottleneck settings (Redis clustering passes its datastore here) */
  bottleneck?: BottleneckType.ConstructorOptions
  /** shared limiter only: a job holding a slot longer than this frees it (a killed process's slots come back) */
  jobExpirationMs?: number
  /** the pause shared with other processes using the same budget (src/lib/limiter-redis.ts); none = this process only */
  shared?: SharedPause
}

/** A 429 pause that several processes see: one process reports it, every process waits it out. */
export interface SharedPause {
  /** milliseconds left on the shared pause (0 = none); may wait while the store reconnects */
  remainingMs(): Promise<number>
  /** tell every process sharing the budget to hold requests for `ms` */
  pause(ms: number): Promise<void>
  /** close the connection (end of the run) */
  close(): Promise<void>
}

export interface LimiterStats {
  jobs: number
  rateLimited: number
  pauses: number
  pausedMs: number
}

/**
 * The one throttle every BAPI request passes through. bottleneck paces job starts (minTime) and caps
 * concurrency; on top of it a shared gate pauses the whole queue when the server answers 429, because
 * bottleneck has no pause of its own (see DESIGN.md). Each request attempt is exactly one job.
 */
export class Limiter {
  readonly stats: LimiterStats = {jobs: 0, rateLimited: 0, pauses: 0, pausedMs: 0}
  readonly baseMinTime: number
  private minTime: number
  private pausedUntil = 0
  private nextSlot = 0
  private sinceSlowdown = 0

  constructor(
    private readonly bottleneck: BottleneckType,
    private readonly options: LimiterOptions,
  ) {
    this.baseMinTime = minTimeFor(options.rate, options.margin)
    this.minTime = this.baseMinTime
  }

  static async create(options: LimiterOptions): Promise<Limiter> {
    const {default: Bottleneck} = await import('@maselious/bottleneck')
    const minTime = minTimeFor(options.rate, options.margin)
    const b = new Bottleneck({maxConcurrent: options.maxConcurrent, minTime, ...options.bottleneck})
    if (!options.bottleneck?.datastore || options.bottleneck.datastore === 'local') tuneBottleneck(b)
    if (options.bottleneck?.datastore && options.bottleneck.datastore !== 'local') {
      b.on('error', () => undefined) // connection trouble is reported by the shared store itself
      await b.ready()
      // a budget kept in Redis outlives runs: this run's pace applies (the last process to start sets it)
      await b.updateSettings({maxConcurrent: options.maxConcurrent, minTime: Math.round(minTime)})
    }
    return new Limiter(b, options)
  }

  /** Milliseconds between request starts at the current pace. */
  get interval(): number {
    return this.minTime
  }

  /** How long `requests` requests take at the configured budget (for plans). */
  estimateMs(requests: number): number {
    return Math.max(0, requests - 1) * this.baseMinTime
  }

  /** Run `fn` as one job; it is called at the moment the request may leave (after any pause). */
  async run<T>(fn: () => Promise<T>, priority = 5): Promise<T> {
    if (!this.options.shared) {
      return this.bottleneck.schedule({priority}, async () => {
        await this.gate()
        this.stats.jobs++
        return fn()
      })
    }
    // A shared (Redis) limiter can fail around the job (submit/free scripts) while the store is away, and
    // it expires a job that holds its slot too long (so that a killed process cannot keep a slot for ever):
    // the request itself must neither be lost nor sent twice. Keep fn's own outcome, wait for it if it is
    // still running, and schedule again only if it never ran.
    for (let failures = 0; ;) {
      let sent: Promise<{value: T} | {error: unknown}> | undefined
      let abandoned = false
      try {
        await this.bottleneck.schedule({priority, expiration: this.options.jobExpirationMs}, async () => {
          await this.gate()
          if (abandoned) return // expired while waiting out a pause: its replacement sends the request
          this.stats.jobs++
          sent = fn().then(
            (value) => ({value}),
            (error: unknown) => ({error}),
          )
          await sent
        })
      } catch (error) {
        if (!sent) {
          // the request was never sent: safe to schedule again
          abandoned = true
          if (/timed out after/.test((error as Error).message)) continue // a long pause outlasted the job's slot
          if (++failures >= 8) throw new Error(`shared limiter failed: ${(error as Error).message}`, {cause: error})
          if (failures === 1) this.options.notify?.(`shared limiter: ${(error as Error).message}; retrying`)
          await sleep(Math.min(5000, 250 * 2 ** failures))
          continue
        }
      }
      const outcome = await sent!
      if ('error' in outcome) throw outcome.error
      return outcome.value
    }
  }

  /** A 429 said the budget is spent: hold every job until `ms` has passed (plus jitter), and slow down a little. */
  pauseFor(ms: number): void {
    this.stats.rateLimited++
    const now = Date.now()
    const until = now + ms + Math.floor(Math.random() * 150)
    if (this.options.shared) void this.options.shared.pause(until - now).catch(() => undefined)
    if (until <= this.pausedUntil) return
    const fresh = this.pausedUntil < now
    this.pausedUntil = until
    if (fresh) {
      this.stats.pauses++
      this.stats.pausedMs += until - now
      this.options.notify?.(`rate limited (HTTP 429), waiting ${humanDuration(Math.max(ms, 1000))}`)
      this.slowDown()
    }
  }

  /** Paused until this epoch ms (0 when not paused). */
  get pausedUntilMs(): number {
    return this.pausedUntil > Date.now() ? this.pausedUntil : 0
  }

  /** Called after each successful (non-429) response: drift back to the configured pace. */
  recordSuccess(): void {
    if (this.minTime === this.baseMinTime || ++this.sinceSlowdown < 25) return
    this.sinceSlowdown = 0
    this.setMinTime(Math.max(this.baseMinTime, this.minTime * 0.95))
  }

  async stop(): Promise<void> {
    await Promise.resolve(this.bottleneck.disconnect?.(false)).catch(() => undefined)
    await this.options.shared?.close().catch(() => undefined)
  }

  /** Wait out any pause, then take the next slot so that jobs released together still leave one per minTime. */
  private async gate(): Promise<void> {
    for (;;) {
      if (this.options.shared) await this.adoptSharedPause()
      const now = Date.now()
      if (now < this.pausedUntil) {
        await sleep(this.pausedUntil - now)
        continue
      }
      const slot = Math.max(now, this.nextSlot)
      this.nextSlot = slot + this.minTime
      // a pace under 1 ms (a budget over 1,000/s) needs no timer: Node would round it up to 1 ms anyway
      if (slot - now >= 1) await sleep(slot - now)
      if (Date.now() >= this.pausedUntil) return
    }
  }

  /** Another process sharing the budget saw a 429: wait as it does (its slowdown reaches us through the shared settings). */
  private async adoptSharedPause(): Promise<void> {
    const ms = await this.options.shared!.remainingMs()
    const now = Date.now()
    // 100 ms of slack: our own pause comes back rounded
    if (ms <= 0 || now + ms <= this.pausedUntil + 100) return
    if (this.pausedUntil < now) {
      this.stats.pauses++
      this.stats.pausedMs += ms
      this.options.notify?.(
        `rate limited (HTTP 429 seen by a process sharing this budget), waiting ${humanDuration(Math.max(ms, 1000))}`,
      )
    }
    this.pausedUntil = now + ms
  }

  /** Another client may be eating the same budget: pace ×1.25 slower per burst of 429s (at most ×4). */
  private slowDown(): void {
    this.sinceSlowdown = 0
    this.setMinTime(Math.min(this.baseMinTime * 4, this.minTime * 1.25))
  }

  private setMinTime(ms: number): void {
    this.minTime = ms
    // updateSettings returns a Promise despite its type; minTime changes are safe (we use no reservoir)
    void Promise.resolve(this.bottleneck.updateSettings({minTime: Math.round(ms)})).catch(() => undefined)
  }
}

export function minTimeFor(rate: Rate, margin = 1.03): number {
  return (rate.windowMs / rate.limit) * margin
}

type Trigger = (name: string, ...args: unknown[]) => Promise<unknown>
interface Emitter {
  trigger?: Trigger
  _events?: Record<string, unknown[] | undefined>
}
interface Lock {
  _running?: number
  _queue?: {length: number}
  _tryToRun?: () => Promise<unknown>
}
interface BottleneckInternals {
  _store?: {yieldLoop?: unknown; heartbeat?: unknown}
  _submitLock?: Lock
  _registerLock?: Lock
  Events?: Emitter
  _queues?: {Events?: Emitter; removeAllListeners?: (name: string) => void}
}

/**
 * What bottleneck's local limiter spends on each job that buys nothing here, removed on the instance (the
 * Redis store is left as it is). Pacing is unchanged: minTime, maxConcurrent and our gate still decide
 * when jobs start.
 * - Its store yields to the event loop before each step of a job (submit, register, free) with
 *   `setTimeout(0)`, which Node rounds up to 1 ms, and the steps of all jobs pass one lock: a limiter
 *   launched at most ~350 jobs/s whatever maxConcurrent said. `setImmediate` yields without the rounding
 *   (2,000 jobs of 2 ms at maxConcurrent 32: 343 → ~3,500 jobs/s).
 * - Every job fires events (received, queued, scheduled, executing, done, the queue's leftzero and zero,
 *   and a formatted `debug` event for each), each through async functions even when nobody listens: most
 *   of a bulk run's garbage. An event with no listener (nor one for `debug`) is answered as bottleneck
 *   itself answers it then, a promise of undefined, without that work. The queue's own two listeners only
 *   start and stop the reservoir heartbeat, which a limiter without a reservoir (ours) never has.
 * - Its two locks start an async function on each call to see whether a task may run; that check is made
 *   first now.
 * Returns what applied, so that a test notices when a new bottleneck moves these internals.
 */
export function tuneBottleneck(b: BottleneckType): {yieldLoop: boolean; events: boolean; locks: boolean} {
  const internals = b as unknown as BottleneckInternals
  const idle = Promise.resolve(undefined)
  const store = internals._store
  const yieldLoop = typeof store?.yieldLoop === 'function'
  if (yieldLoop) store!.yieldLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

  const queues = internals._queues
  if (store && store.heartbeat == null && typeof queues?.removeAllListeners === 'function') {
    queues.removeAllListeners('leftzero')
    queues.removeAllListeners('zero')
  }
  const emitters = [internals.Events, queues?.Events]
  const events = emitters.every((e) => typeof e?.trigger === 'function' && typeof e._events === 'object')
  if (events)
    for (const emitter of emitters as Array<Required<Emitter>>) {
      const trigger = emitter.trigger.bind(emitter)
      emitter.trigger = (name, ...args) =>
        emitter._events[name]?.length || emitter._events.debug?.length ? trigger(name, ...args) : idle
    }

  const lockList = [internals._submitLock, internals._registerLock]
  const locks = lockList.every(
    (l) => typeof l?._tryToRun === 'function' && typeof l._running === 'number' && l._queue !== undefined,
  )
  if (locks)
    for (const lock of lockList as Array<Required<Lock>>) {
      const tryToRun = lock._tryToRun.bind(lock)
      lock._tryToRun = () => (lock._running < 1 && lock._queue.length > 0 ? tryToRun() : idle)
    }
  return {yieldLoop, events, locks}
}
