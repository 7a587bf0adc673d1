import type BottleneckType from 'bottleneck'

import {humanDuration, sleep} from './duration.js'
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
    const {default: Bottleneck} = await import('bottleneck')
    const minTime = minTimeFor(options.rate, options.margin)
    const b = new Bottleneck({maxConcurrent: options.maxConcurrent, minTime, ...options.bottleneck})
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
  run<T>(fn: () => Promise<T>, priority = 5): Promise<T> {
    return this.bottleneck.schedule({priority}, async () => {
      await this.gate()
      this.stats.jobs++
      return fn()
    })
  }

  /** A 429 said the budget is spent: hold every job until `ms` has passed (plus jitter), and slow down a little. */
  pauseFor(ms: number): void {
    this.stats.rateLimited++
    const now = Date.now()
    const until = now + ms + Math.floor(Math.random() * 150)
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
    await this.bottleneck.disconnect?.().catch(() => undefined)
  }

  /** Wait out any pause, then take the next slot so that jobs released together still leave one per minTime. */
  private async gate(): Promise<void> {
    for (;;) {
      const now = Date.now()
      if (now < this.pausedUntil) {
        await sleep(this.pausedUntil - now)
        continue
      }
      const slot = Math.max(now, this.nextSlot)
      this.nextSlot = slot + this.minTime
      if (slot > now) await sleep(slot - now)
      if (Date.now() >= this.pausedUntil) return
    }
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
