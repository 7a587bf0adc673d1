/**
 * `webhooks listen`: a local receiver. Each POST is verified with the SDK (verify.ts); valid deliveries are
 * answered 200 (or, with a forward target, passed on unchanged — raw body and headers — and answered with
 * the target's status, so the sender retries when your handler fails); invalid ones 400 with the reason.
 * Every delivery is reported once (one record per delivery).
 */
import {createServer, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import {postRaw} from './http.js'
import {type VerifyResult, verifyDelivery, type WebhookEvent} from './verify.js'

export interface ListenOptions {
  port: number
  host: string
  secret: string
  toleranceSeconds?: number
  forwardTo?: string
  onDelivery: (record: ListenRecord) => void
}

export interface ListenRecord {
  received_at: string
  valid: boolean
  svix_id: string | null
  type?: string
  object_id?: string | null
  reason?: string
  /** what we answered the sender */
  status: number
  forwarded?: {url: string; status: number | null; error?: string}
  event?: WebhookEvent
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'])

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}

export async function startListener(o: ListenOptions): Promise<{url: string; close(): Promise<void>}> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req)
      const headers = flatHeaders(req)
      // the record is printed before the sender gets its answer
      const reply = (status: number, body: string, type = 'application/json') => {
        record.status = status
        o.onDelivery(record)
        res.writeHead(status, {'content-type': type, 'content-length': Buffer.byteLength(body)})
        res.end(body)
      }
      const record: ListenRecord = {
        received_at: new Date().toISOString(),
        valid: false,
        svix_id: headers['svix-id'] ?? null,
        status: 0,
      }
      if (req.method !== 'POST') {
        record.reason = `${req.method} request: webhook deliveries are POST requests`
        return reply(405, JSON.stringify({error: record.reason}))
      }
      const result: VerifyResult = await verifyDelivery({headers, body: raw.toString('utf8')}, o.secret, {
        toleranceSeconds: o.toleranceSeconds,
      })
      if (!result.valid) {
        record.reason = result.reason
        return reply(400, JSON.stringify({error: result.reason}))
      }
      Object.assign(record, {valid: true, type: result.type, object_id: result.object_id, event: result.event})
      if (!o.forwardTo) return reply(200, JSON.stringify({ok: true}))
      const pass: Record<string, string> = {}
      for (const [k, v] of Object.entries(headers)) if (!HOP_BY_HOP.has(k)) pass[k] = v
      try {
        const answer = await postRaw(o.forwardTo, raw, pass)
        record.forwarded = {url: o.forwardTo, status: answer.status}
        reply(answer.status, answer.body, answer.headers['content-type'] ?? 'text/plain')
      } catch (error) {
        record.forwarded = {url: o.forwardTo, status: null, error: (error as Error).message}
        reply(502, JSON.stringify({error: (error as Error).message}))
      }
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port, o.host, () => resolve())
  })
  const {port} = server.address() as AddressInfo
  const host = o.host.includes(':') ? `[${o.host}]` : o.host
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** One line for people at a terminal. */
export function readableLine(r: ListenRecord): string {
  const time = r.received_at.slice(11, 19)
  if (!r.valid) return `${time}  ✗ invalid  ${r.svix_id ?? '-'}  ${r.reason}  -> ${r.status}`
  const fwd = r.forwarded ? `  -> ${r.forwarded.url} ${r.forwarded.status ?? r.forwarded.error}` : ''
  return `${time}  ✓ ${r.type}  ${r.object_id ?? '-'}  ${r.svix_id}${fwd}  -> ${r.status}`
}
