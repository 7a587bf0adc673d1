/**
 * Progress on stderr: a one-line bar redrawn in place on a terminal (rows, %, rows/s, ETA, 429 waits),
 * plain lines every few seconds otherwise (CI logs). Nothing is ever written to stdout.
 */
import {humanDuration} from '../duration.js'

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
}

export class Progress {
  private done = 0
  private readonly started = Date.now()
  private timer?: NodeJS.Timeout
  private readonly mode: Exclude<ProgressMode, 'auto'>
  private readonly stream: NodeJS.WriteStream
  private drawn = false

  constructor(private readonly o: ProgressOptions) {
    this.stream = o.stream ?? process.stderr
    const mode = o.mode ?? 'auto'
    this.mode = mode === 'auto' ? (this.stream.isTTY ? 'bar' : 'lines') : mode
    if (this.mode === 'none' || o.total === 0) return
    this.timer = setInterval(() => this.render(), this.mode === 'bar' ? 200 : (o.intervalMs ?? 5000))
    this.timer.unref()
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
    return `${this.done}/${total} rows ${pct}% · ${rate.toFixed(1)} rows/s · ETA ${eta}${waits ? ` · 429 waits ${waits}` : ''}`
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
    if (this.mode === 'bar' && this.drawn) this.stream.write('\r\u001B[2K')
  }
}
