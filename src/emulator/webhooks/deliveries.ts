/**
 * Webhook deliveries: every event goes to every endpoint whose filter takes it, as one Svix message
 * (same id and body on every attempt, a fresh timestamp and signature each time). Messages about the same
 * object reach an endpoint in order: a later one waits while an earlier one is retried. A failed attempt
 * (non-2xx, timeout, connection error) is retried on a bounded schedule (Svix's by default); the log keeps
 * every attempt and the next retry.
 */
import {request as httpRequest} from 'node:http'
import {request as httpsRequest} from 'node:https'

import {type Json} from '../json.js'
import {newMessageId, newSigningSecret, svixHeaders} from './sign.js'

export interface WebhookEndpointOptions {
  url: string
  /** `whsec_…`; default a generated one (printed at start, like the API key). */
  secret?: string
  /** Event types to send (e.g. `user.created`, or `user.*`); default all. */
  events?: string[]
}

export interface WebhookEndpoint {
  id: string
  url: string
  secret: string
  events: string[]
}

export interface DeliveryAttempt {
  at: number
  status: number | null
  error?: string
  duration_ms: number
}

export interface Delivery {
  id: string
  endpoint_id: string
  url: string
  event_type: string
  object_id: string
  status: 'pending' | 'sending' | 'succeeded' | 'failed'
  attempts: DeliveryAttempt[]
  next_attempt_at: number | null
  created_at: number
}

/** Svix's retry schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const SVIX_RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]
const ATTEMPT_TIMEOUT_MS = 15_000

interface Queued {
  delivery: Delivery
  body: string
}

export function matchesFilter(events: string[], type: string): boolean {
  if (events.length === 0) return true
  return events.some((f) => f === type || f === '*' || (f.endsWith('.*') && type.startsWith(f.slice(0, -1))))
}

export class WebhookDispatcher {
  readonly endpoints: WebhookEndpoint[]
  readonly log: Delivery[] = []
  private queues = new Map<string, Queued[]>()
  private timers = new Set<NodeJS.Timeout>()
  private inflight = new Set<AbortController>()
  private idleWaiters: (() => void)[] = []
  private stopped = false

  constructor(
    endpoints: WebhookEndpointOptions[],
    private retryDelaysMs: number[] = SVIX_RETRY_DELAYS_MS,
    private logLimit = 10_000,
  ) {
    this.endpoints = endpoints.map((e, i) => ({
      id: `ep_${i + 1}`,
      url: e.url,
      secret: e.secret ?? newSigningSecret(),
      events: e.events ?? [],
    }))
  }

  /** Queue one event (its body already serialised) for every endpoint that takes its type. */
  send(type: string, objectId: string, body: string): void {
    if (this.stopped) return
    const msgId = newMessageId()
    for (const ep of this.endpoints) {
      if (!matchesFilter(ep.events, type)) continue
      const delivery: Delivery = {
        id: msgId,
        endpoint_id: ep.id,
        url: ep.url,
        event_type: type,
        object_id: objectId,
        status: 'pending',
        attempts: [],
        next_attempt_at: Date.now(),
        created_at: Date.now(),
      }
      this.log.push(delivery)
      if (this.log.length > this.logLimit) this.log.splice(0, this.log.length - this.logLimit)
      const key = `${ep.id}\u0000${objectId}`
      const q = this.queues.get(key)
      if (q) q.push({delivery, body})
      else {
        this.queues.set(key, [{delivery, body}])
        setImmediate(() => void this.run(ep, key))
      }
    }
  }

  /** Resolves once nothing is queued, sending or waiting for a retry. */
  idle(): Promise<void> {
    if (this.queues.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  stop(): void {
    this.stopped = true
    for (const t of this.timers) clearTimeout(t)
    for (const a of this.inflight) a.abort()
    this.timers.clear()
    this.queues.clear()
    this.settle()
  }

  private settle(): void {
    if (this.queues.size > 0) return
    for (const w of this.idleWaiters.splice(0)) w()
  }

  /** Send the head of one queue until it succeeds or runs out of retries, then the next one. */
  private async run(ep: WebhookEndpoint, key: string): Promise<void> {
    const q = this.queues.get(key)
    const head = q?.[0]
    if (!q || !head || this.stopped) return
    const ok = await this.attempt(ep, head)
    if (this.stopped) return
    const d = head.delivery
    const retry = this.retryDelaysMs[d.attempts.length - 1]
    if (!ok && retry !== undefined) {
      d.status = 'pending'
      d.next_attempt_at = Date.now() + retry
      const t = setTimeout(() => {
        this.timers.delete(t)
        void this.run(ep, key)
      }, retry)
      this.timers.add(t)
      return
    }
    d.status = ok ? 'succeeded' : 'failed'
    d.next_attempt_at = null
    q.shift()
    if (q.length > 0) setImmediate(() => void this.run(ep, key))
    else {
      this.queues.delete(key)
      this.settle()
    }
  }

  private async attempt(ep: WebhookEndpoint, item: Queued): Promise<boolean> {
    const d = item.delivery
    d.status = 'sending'
    const at = Date.now()
    const abort = new AbortController()
    this.inflight.add(abort)
    const record: DeliveryAttempt = {at, status: null, duration_ms: 0}
    try {
      record.status = await post(ep.url, svixHeaders(ep.secret, d.id, item.body, at), item.body, abort.signal)
    } catch (error) {
      record.error = errorText(error)
    } finally {
      this.inflight.delete(abort)
    }
    record.duration_ms = Date.now() - at
    d.attempts.push(record)
    return record.status !== null && record.status >= 200 && record.status < 300
  }
}

/**
 * One POST on a connection of its own (no keep-alive: a pooled connection the receiver is closing would
 * fail a delivery for nothing); resolves to the status once the answer has been read.
 */
function post(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: {...headers, 'content-length': String(Buffer.byteLength(body))},
        agent: false,
        signal,
        timeout: ATTEMPT_TIMEOUT_MS,
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end(body)
  })
}

function errorText(error: unknown): string {
  const e = error as {message?: string; code?: string}
  return e.code ?? e.message ?? String(error)
}

/** What the control route shows of an endpoint (never its secret). */
export const publicEndpoint = (e: WebhookEndpoint): Json => ({id: e.id, url: e.url, events: e.events})
