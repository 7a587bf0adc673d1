/**
 * Progress on stderr: a one-line bar redrawn in place on a terminal (rows, %, rows/s, ETA, 429 waits),
 * plain lines every few seconds otherwise (CI logs). Nothing is ever written to stdout.
 */
import {humanDuration} from '../util/duration.js'

export type ProgressMode = 'auto' | 'bar' | 'lines' | 'none'

export interface ProgressOptions {
  label: string
  total: number
  mode?: ProgressMode
  stream?: NodeJS.WriteStream
  /** seconds between plain lines (default 5) */
  intervalMs?: number
  /** 429s seen so far (the limiter's count) */
  rateLimited?: () => number
  /** a wait in progress (a 429 pause, an endpoint budget): shown as a countdown once it is over `minWaitMs` */
  waiting?: () => {until: number; why: string} | undefined
  minWaitMs?: number
}

export class Progress {
  private done = 0
  private readonly started = Date.now()
  private timer?: NodeJS.Timeout
  private readonly mode: Exclude<ProgressMode, 'auto'>
  private readonly stream: NodeJS.WriteStream
  private drawn = false
  private waitTimer?: NodeJS.Timeout
  private shownUntil = 0
  private lastWaitLine = 0

  constructor(private readonly o: ProgressOptions) {
    this.stream = o.stream ?? process.stderr
    const mode = o.mode ?? 'auto'
    this.mode = mode === 'auto' ? (this.stream.isTTY ? 'bar' : 'lines') : mode
    // a long wait is announced even with --progress none (like the limiter's "rate limited, waiting 7s");
    // on a terminal the bar shows it instead
    if (this.mode !== 'bar' && o.waiting) this.waitTimer = setInterval(() => this.waitLine(), 1000).unref()
    if (this.mode === 'none' || o.total === 0) return
    this.timer = setInterval(() => this.render(), this.mode === 'bar' ? 200 : (o.intervalMs ?? 5000))
    this.timer.unref()
  }

  /** The current long wait, as `waiting for <why>: 42s left, resuming at 14:03:07`. */
  private waitText(): string | undefined {
    const w = this.o.waiting?.()
    const left = w ? w.until - Date.now() : 0
    if (!w || left < (this.o.minWaitMs ?? 3000)) return undefined
    return `waiting for ${w.why}: ${humanDuration(left)} left, resuming at ${new Date(w.until).toLocaleTimeString()}`
  }

  /** In CI logs: a countdown line when a long wait starts, then every 10 s while it lasts. */
  private waitLine(): void {
    const w = this.o.waiting?.()
    const text = this.waitText()
    if (!w || !text) return
    const now = Date.now()
    if (w.until === this.shownUntil && now - this.lastWaitLine < 10_000) return
    this.stream.write(`${this.o.label}: ${text}\n`)
    this.shownUntil = w.until
    this.lastWaitLine = now
  }

  tick(n = 1): void {
    this.done += n
  }

  private text(): string {
    const {total} = this.o
    const elapsed = (Date.now() - this.started) / 1000
    const rate = elapsed > 0 ? this.done / elapsed : 0
    const eta = rate > 0 ? humanDuration(((total - this.done) / rate) * 1000) : '?'
    const pct = total ? Math.floor((this.done / total) * 100) : 100
    const waits = this.o.rateLimited?.() ?? 0
    const wait = this.mode === 'bar' ? this.waitText() : undefined
    return `${this.done}/${total} rows ${pct}% · ${rate.toFixed(1)} rows/s · ETA ${eta}${waits ? ` · 429 waits ${waits}` : ''}${wait ? ` · ${wait}` : ''}`
  }

  private render(): void {
    if (this.mode === 'lines') {
      this.stream.write(`${this.o.label}: ${this.text()}\n`)
      return
    }
    const width = 24
    const filled = this.o.total ? Math.round((this.done / this.o.total) * width) : width
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
    this.stream.write(`\r\u001B[2K${this.o.label} ${bar} ${this.text()}`)
    this.drawn = true
  }

  stop(): void {
    clearInterval(this.timer)
    clearInterval(this.waitTimer)
    if (this.mode === 'bar' && this.drawn) this.stream.write('\r\u001B[2K')
  }
}
