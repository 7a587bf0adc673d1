/**
 * The raw path's HTTP: node:http / node:https with a keep-alive agent, answering the few parts of a fetch
 * Response the transport and client read (status, headers, text, body.cancel).
 *
 * Why not the global fetch: Node's fetch is undici, whose first request in a process loads ~100 modules and
 * compiles its HTTP parser (WebAssembly): about 0.25 s of CPU in every CLI run, more than the rest of a
 * `users list`. node:http parses in C++ and is already loaded. @clerk/backend keeps using fetch (loaded only
 * when a command needs the SDK); both go through the one limiter (transport.ts).
 */
import type {Agent, IncomingMessage} from 'node:http'

export interface WireHeaders {
  get(name: string): string | null
  /** [name, value] pairs, names lower-case and sorted (as a fetch Headers iterates) */
  [Symbol.iterator](): IterableIterator<[string, string]>
}

export interface WireResponse {
  status: number
  statusText: string
  headers: WireHeaders
  text(): Promise<string>
  body: {cancel(): Promise<void>}
}

export interface WireInit {
  method?: string
  headers?: Record<string, string>
  body?: string
  signal?: AbortSignal
}

const agents = new Map<string, Promise<{request: typeof import('node:http').request; agent: Agent}>>()

/** One keep-alive agent per protocol for the whole process (idle sockets do not keep it alive). */
function transportFor(protocol: string) {
  let t = agents.get(protocol)
  if (!t) {
    t = (protocol === 'https:' ? import('node:https') : import('node:http')).then((m) => ({
      request: m.request,
      agent: new m.Agent({keepAlive: true}),
    }))
    agents.set(protocol, t)
  }
  return t
}

/** A failure before an answer, shaped as fetch's (`TypeError: fetch failed`, the system error as `cause`). */
const failed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), {cause})

export async function wireFetch(input: URL | string, init: WireInit = {}): Promise<WireResponse> {
  const url = typeof input === 'string' ? new URL(input) : input
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw failed(new Error(`unsupported ${url.protocol}`))
  const {request, agent} = await transportFor(url.protocol)
  const headers: Record<string, string | number> = {...init.headers}
  if (init.body !== undefined) headers['Content-Length'] = Buffer.byteLength(init.body)
  return new Promise<WireResponse>((resolve, reject) => {
    const req = request(url, {method: init.method ?? 'GET', headers, agent, signal: init.signal}, (res) =>
      resolve(responseOf(res)),
    )
    req.on('error', (error) => reject(failed(error)))
    req.end(init.body)
  })
}

function responseOf(res: IncomingMessage): WireResponse {
  const entries = () =>
    Object.entries(res.headers)
      .filter((e): e is [string, string | string[]] => e[1] !== undefined)
      .map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(', ') : v])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? '',
    headers: {
      get(name) {
        const v = res.headers[name.toLowerCase()]
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v
      },
      [Symbol.iterator]: () => entries()[Symbol.iterator](),
    },
    text: () =>
      new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
        res.on('error', (error) => reject(failed(error)))
        res.on('aborted', () => reject(failed(new Error('the connection closed before the answer ended'))))
      }),
    // read and drop the rest, so the socket goes back to the agent for the next request
    body: {cancel: async () => void res.resume()},
  }
}
