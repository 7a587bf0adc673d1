import {sleep} from '../util/duration.js'
import type {Limiter} from './limiter.js'

export interface TransportOptions {
  limiter: Limiter
  fetch: typeof fetch
  timeoutMs: number
  /** attempts for 5xx / network errors on idempotent requests */
  maxAttempts?: number
  /** 429 retries for one request before giving up and returning the 429 */
  max429?: number
  /** a line per attempt for --verbose (never headers, so never the key) */
  log?: (line: string) => void
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])

/** Retry-After: integer seconds or an HTTP date -> milliseconds (undefined when absent or unreadable). */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential backoff with jitter: 250 ms, 500 ms, 1 s, ... capped at 10 s, each × [0.5, 1). */
export function backoffMs(attempt: number): number {
  const base = Math.min(10_000, 250 * 2 ** (attempt - 1))
  return base / 2 + Math.random() * (base / 2)
}

/** A connection that was refused never reached the server, so even a POST may be sent again. */
function neverSent(error: unknown): boolean {
  const cause = (error as {cause?: {code?: string}})?.cause
  return cause?.code === 'ECONNREFUSED' || cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN'
}

function describe(input: RequestInfo | URL, method: string): string {
  const url = new URL(input instanceof Request ? input.url : String(input))
  return `${method} ${url.pathname}${url.search}`
}

/**
 * A fetch that sends every attempt as one limiter job, with a timeout, retrying 429s (after pausing the
 * whole limiter for Retry-After) and, for idempotent requests only, 5xx answers and network errors.
 */
export function createLimitedFetch(options: TransportOptions): typeof fetch {
  const {limiter, timeoutMs, log} = options
  const maxAttempts = options.maxAttempts ?? 4
  const max429 = options.max429 ?? 20
  return async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
    const idempotent = IDEMPOTENT.has(method)
    const what = describe(input, method)
    let attempt = 0
    let limited = 0
    for (;;) {
      attempt++
      const outcome = await limiter.run(
        async () => {
          const started = Date.now()
          const timeout = AbortSignal.timeout(timeoutMs)
          const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
          try {
            const res = await options.fetch(input, {...init, signal})
            log?.(`${what} -> ${res.status} (${Date.now() - started} ms)`)
            return {res}
          } catch (error) {
            const reason = timeout.aborted ? `timed out after ${timeoutMs} ms` : errorText(error)
            log?.(`${what} -> ${reason}`)
            return {error, timedOut: timeout.aborted}
          }
        },
        attempt + limited > 1 ? 1 : 5,
      )
      if ('res' in outcome && outcome.res) {
        const res = outcome.res
        if (res.status === 429 && limited < max429) {
          limited++
          attempt--
          limiter.pauseFor(retryAfterMs(res.headers.get('retry-after')) ?? backoffMs(limited + 2))
          await res.body?.cancel().catch(() => undefined)
          continue
        }
        if (res.status >= 500 && idempotent && attempt < maxAttempts) {
          await res.body?.cancel().catch(() => undefined)
          await sleep(backoffMs(attempt))
          continue
        }
        if (res.status < 400) limiter.recordSuccess()
        return res
      }
      const {error, timedOut} = outcome as {error: unknown; timedOut: boolean}
      if (init.signal?.aborted) throw error
      if ((idempotent || neverSent(error)) && attempt < maxAttempts) {
        await sleep(backoffMs(attempt))
        continue
      }
      const host = hostOf(input)
      const tries = attempt > 1 ? `, ${attempt} attempts` : ''
      throw timedOut
        ? new Error(`no answer from ${host} within ${timeoutMs / 1000}s (${what}${tries})`)
        : new Error(`cannot reach ${host}: ${explain(errorText(error))} (${what}${tries})`)
    }
  }
}

function hostOf(input: RequestInfo | URL): string {
  const url = new URL(input instanceof Request ? input.url : String(input))
  return url.origin
}

/** What a Node network error code means for the person reading it. */
const MEANINGS: Record<string, string> = {
  ECONNREFUSED: 'connection refused, nothing listening there',
  ENOTFOUND: 'no such host (DNS)',
  EAI_AGAIN: 'DNS lookup failed (temporarily)',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
}

function explain(code: string): string {
  return MEANINGS[code] ? `${MEANINGS[code]} (${code})` : code
}

function errorText(error: unknown): string {
  const e = error as {message?: string; cause?: {code?: string; message?: string}}
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error)
}
