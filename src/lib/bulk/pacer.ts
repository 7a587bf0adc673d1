import {sleep} from '../util/duration.js'
import type {Rate} from '../http/rate.js'

/**
 * An endpoint budget on top of the instance limiter, e.g. Clerk's 25/hour for POST /v1/invitations/bulk:
 * a token bucket that starts full and refills at limit / window. `take(n)` waits until n tokens are there.
 */
export class EndpointPacer {
  private tokens: number
  private last = Date.now()
  private queue: Promise<void> = Promise.resolve()
  private resumeAt = 0

  constructor(readonly rate: Rate) {
    this.tokens = rate.limit
  }

  take(n = 1): Promise<void> {
    const next = this.queue.then(async () => {
      for (;;) {
        const now = Date.now()
        this.tokens = Math.min(
          this.rate.limit,
          this.tokens + ((now - this.last) * this.rate.limit) / this.rate.windowMs,
        )
        this.last = now
        if (this.tokens >= n) {
          this.tokens -= n
          this.resumeAt = 0
          return
        }
        const ms = Math.ceil(((n - this.tokens) * this.rate.windowMs) / this.rate.limit)
        this.resumeAt = now + ms
        await sleep(ms)
      }
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** When the request waiting for the budget may leave (epoch ms), 0 when none is waiting. */
  get waitingUntil(): number {
    return this.resumeAt
  }

  /** Time to spend `requests` tokens from a full bucket. */
  static estimateMs(rate: Rate, requests: number): number {
    return requests <= rate.limit ? 0 : Math.ceil(((requests - rate.limit) * rate.windowMs) / rate.limit)
  }
}
