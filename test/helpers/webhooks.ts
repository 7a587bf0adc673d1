/**
 * Webhook test pieces: a receiver standing in for an app's endpoint (records every raw request and answers
 * with the status a test chooses per attempt), a signer written here from Svix's description (independent of
 * both the emulator's and the CLI's), and `webhooks listen` started as a spawned process.
 */
import {createHmac, randomBytes} from 'node:crypto'
import {createServer, request} from 'node:http'
import type {AddressInfo} from 'node:net'

import {startCli, type CliResult} from './cli.js'

export interface Received {
  headers: Record<string, string>
  body: string
}

export interface Receiver {
  url: string
  received: Received[]
  close(): Promise<void>
}

/** `status(n)` gives the answer to the n-th request (0-based); default always 200. */
export async function startReceiver(status: (n: number) => number = () => 200): Promise<Receiver> {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const n = received.length
      received.push({headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8')})
      res.writeHead(status(n), {'content-type': 'application/json'}).end(JSON.stringify({n}))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`

/** Svix's scheme, from its documentation: v1,base64(HMAC-SHA256(base64-decoded secret, "id.ts.body")). */
export function signIndependently(secret: string, id: string, ts: number, body: string): Record<string, string> {
  const sig = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
    .update(`${id}.${ts}.${body}`)
    .digest('base64')
  return {'svix-id': id, 'svix-timestamp': String(ts), 'svix-signature': `v1,${sig}`}
}

export interface Listener {
  url: string
  /** the NDJSON records printed so far */
  records(): Record<string, unknown>[]
  /** the records once there are at least `n` (stdout may trail the HTTP answer by a moment) */
  waitFor(n: number): Promise<Record<string, unknown>[]>
  stop(): Promise<CliResult>
}

/** `clerk webhooks listen --port 0 ...` as a process; resolves once it prints where it listens. */
export async function startListen(args: string[]): Promise<Listener> {
  const proc = startCli(['webhooks', 'listen', '--port', '0', ...args], {timeoutMs: 120_000})
  const url = await new Promise<string>((resolve, reject) => {
    const check = setInterval(() => {
      const m = /Listening for webhooks on (http:\/\/[\d.]+:\d+)/.exec(proc.output().stderr)
      if (m) {
        clearInterval(check)
        resolve(m[1])
      }
    }, 20)
    proc.done.then((r) => {
      clearInterval(check)
      reject(new Error(`webhooks listen exited ${r.code}: ${r.stderr}`))
    }, reject)
  })
  const records = () =>
    proc
      .output()
      .stdout.split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l))
  return {
    url,
    records,
    async waitFor(n) {
      for (let i = 0; i < 500 && records().length < n; i++) await new Promise((r) => setTimeout(r, 20))
      return records()
    },
    async stop() {
      proc.child.kill('SIGTERM')
      return proc.done
    },
  }
}

/** One POST on a fresh connection (never a pooled one the server may be closing): status and parsed body. */
export function postOnce(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{status: number; body: {error?: string} | undefined}> {
  return new Promise((resolve, reject) => {
    const req = request(url, {method: 'POST', headers, agent: false}, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (d: string) => (text += d))
      res.on('end', () => resolve({status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined}))
    })
    req.on('error', reject)
    req.end(body)
  })
}
