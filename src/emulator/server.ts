/**
 * The local Clerk Backend API emulator: a node:http server answering like BAPI under /v1.
 * Pipeline per request: auth (401) -> faults -> rate limit (429) -> route (404) -> body (400) -> handler.
 * Every response is `Content-Type: application/json` exactly; errors use Clerk's shape.
 */
import {closeSync, constants, existsSync, fchmodSync, openSync, readFileSync, renameSync, writeSync} from 'node:fs'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo, Socket} from 'node:net'
import {instanceRateForKey, type Rate} from './rates.js'
import type {RequestLogEntry} from './request-log.js'
import {controlRouter} from './control.js'
import {registerTokenControl} from './control-tokens.js'
import {
  ErrorResponse,
  authFormatInvalid,
  authMissing,
  badRequestBody,
  errorForStatus,
  keyInvalid,
  notFound,
  tooManyRequests,
} from './errors.js'
import {FaultSet, type FaultSpec, type SideRequest} from './faults.js'
import {base62} from './ids.js'
import {RateLimiter, defaultRules, retryAfterSeconds} from './ratelimit.js'
import {type Reply, Router} from './router.js'
import {registerAll} from './routes/index.js'
import {machineForKey} from './routes/machines.js'
import {type EmulatorState, Store} from './store.js'
import {generateSigningKey, type SigningKey, signingKeyFrom} from './tokens.js'
import {instanceId} from './requests/replies.js'
import {
  type Delivery,
  WebhookDispatcher,
  type WebhookEndpoint,
  type WebhookEndpointOptions,
} from './webhooks/deliveries.js'
import {envelope, eventsFor} from './webhooks/events.js'
import {registerWebhookApi, registerWebhookControl} from './webhooks/routes.js'

export type {EmulatorState} from './store.js'
export type {FaultSpec} from './faults.js'
export type {Rate} from './rates.js'
export type {RequestLogEntry} from './request-log.js'
export type {Delivery, WebhookEndpoint, WebhookEndpointOptions} from './webhooks/deliveries.js'

export interface EmulatorOptions {
  /** Default 0 (an ephemeral port). */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Default `sk_test_` + 40 random base62 characters. Requests must send `Authorization: Bearer <it>`. */
  secretKey?: string
  /** Instance-wide token bucket per secret key; default by key kind (sk_test_ 100/10s, sk_live_ 1000/10s). 'off' disables all limits. */
  rateLimit?: Rate | 'off'
  /** Override named rules of ratelimit.ts, e.g. `{org_invitations_bulk: {limit: 5, windowMs: 2000}}` (the hourly invitation limits, shrunk for tests). */
  ruleRates?: Record<string, Rate>
  /** A JSON state file path or a state object, loaded at start (ignored when `persist` names an existing file). */
  seed?: string | EmulatorState
  /** A JSON state file: loaded at start if it exists, written on stop(). */
  persist?: string
  /** Added to every /v1 response. */
  latencyMs?: number
  /** The rate limiter's clock (epoch ms); tests pass a manual one so token refill does not depend on machine load. */
  clock?: () => number
  /** Keep response bodies in the request log (the test helpers validate them). */
  recordBodies?: boolean
  /** Keep at most this many log entries (oldest dropped). Default 100 000. */
  logLimit?: number
  /** Endpoints that get a Svix-signed webhook for every change the API makes (see webhooks/). */
  webhooks?: WebhookEndpointOptions[]
  /** Delays before each retry of a failed delivery; default Svix's (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). */
  webhookRetryDelaysMs?: number[]
  /**
   * The instance's user cap: POST /v1/users past it answers 403 user_quota_exceeded, as Clerk's development
   * instances do at 100 users. Default: no cap (tests and benchmarks create thousands).
   */
  userCap?: number
}

export interface Emulator {
  /** e.g. http://127.0.0.1:41234 — the SDK's apiUrl; routes live under /v1. */
  url: string
  secretKey: string
  publishableKey: string
  store: Store
  /** Every /v1 (and unknown-path) request, oldest first; control routes (/__emulator) are not logged. */
  requests: RequestLogEntry[]
  readonly signingKey: SigningKey
  limiter: RateLimiter
  injectFault(f: FaultSpec): void
  clearFaults(): void
  setRateLimit(r: Rate | 'off'): void
  webhooks: {
    /** the endpoints, with their signing secrets */
    endpoints: WebhookEndpoint[]
    /** every delivery so far (attempts, status, next retry), oldest first */
    deliveries: Delivery[]
    /** resolves once no delivery is queued, in flight or waiting for a retry */
    idle(): Promise<void>
  }
  stop(): Promise<void>
}

const JSON_HEADERS = {'Content-Type': 'application/json'}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function loadState(seed: string | EmulatorState): EmulatorState {
  return typeof seed === 'string' ? (JSON.parse(readFileSync(seed, 'utf8')) as EmulatorState) : seed
}

function queryObject(q: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(q.keys())) {
    const all = q.getAll(key)
    out[key] = all.length === 1 ? all[0] : all
  }
  return out
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const secretKey = opts.secretKey ?? `sk_test_${base62(40)}`
  const store = new Store()
  if (opts.persist && existsSync(opts.persist)) store.import(loadState(opts.persist))
  else if (opts.seed) store.import(loadState(opts.seed))
  store.signingKey ??= generateSigningKey()
  if (opts.userCap) store.userCap = {max: opts.userCap, production: secretKey.startsWith('sk_live_')}

  const rate = opts.rateLimit ?? instanceRateForKey(secretKey)
  const clock = opts.clock ?? Date.now
  const limiter = new RateLimiter(defaultRules(rate === 'off' ? instanceRateForKey(secretKey) : rate))
  if (rate === 'off') limiter.setInstanceRate('off')
  for (const [name, r] of Object.entries(opts.ruleRates ?? {})) limiter.setRuleRate(name, r)
  const faults = new FaultSet()
  const requests: RequestLogEntry[] = []
  const logLimit = opts.logLimit ?? 100_000
  const api = registerAll(new Router())
  const hanging = new Set<Socket>()
  let cachedKey: SigningKey | undefined

  const log = (e: RequestLogEntry) => {
    requests.push(e)
    if (requests.length > logLimit) requests.splice(0, requests.length - logLimit)
  }
  const setRateLimit = (r: Rate | 'off') => limiter.setInstanceRate(r)
  const setRuleRate = (name: string, r: Rate) => limiter.setRuleRate(name, r)
  const control = controlRouter({
    store,
    faults,
    requests,
    setRateLimit,
    setRuleRate,
    reset: () => {
      store.reset()
      faults.clear()
      limiter.reset()
    },
  })
  let selfUrl = ''
  registerTokenControl(control, () => selfUrl)
  const dispatcher = new WebhookDispatcher(opts.webhooks ?? [], opts.webhookRetryDelaysMs)
  registerWebhookApi(api, () => selfUrl)
  registerWebhookControl(control, dispatcher)
  // The one place state changes become webhooks: every change the API makes to the store, in order.
  if (dispatcher.endpoints.length > 0) {
    store.onChange = (change) => {
      for (const event of eventsFor(change, store))
        dispatcher.send(event.type, event.key, JSON.stringify(envelope(event, instanceId(store))))
    }
  }

  const send = (res: ServerResponse, reply: Reply): string => {
    if (reply.status === 204) {
      // no body at all (PATCH /v1/instance answers 204): an empty JSON text would be a body
      res.writeHead(204, {...reply.headers})
      res.end()
      return ''
    }
    const text = JSON.stringify(reply.body)
    res.writeHead(reply.status, {...reply.headers, ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text)})
    res.end(text)
    return text
  }

  const faultError = (f: FaultSpec) =>
    errorForStatus(f.status ?? 503, f.retryAfter === undefined ? {} : {'Retry-After': String(f.retryAfter)}, f.body)

  /** A fault's side request (another client's), straight to the routes: not limited, faulted or logged. */
  const serveSide = async (side: SideRequest): Promise<void> => {
    const u = new URL(side.path, 'http://emulator')
    const route = api.match(side.method.toUpperCase(), u.pathname)
    if (!route) throw new Error(`fault side request: no route for ${side.method} ${side.path}`)
    const json = side.body
    const body = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {}
    try {
      await route.handler({
        method: side.method.toUpperCase(),
        path: u.pathname,
        query: u.searchParams,
        params: route.params,
        body,
        json,
        store,
      })
    } catch (error) {
      if (!(error instanceof ErrorResponse)) throw error // a refused side request changes nothing, as at Clerk
    }
  }

  const errorReply = (e: unknown): Reply => {
    const err = e instanceof ErrorResponse ? e : errorForStatus(500)
    return {status: err.status, body: err.body(), headers: err.headers}
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = Date.now()
    const url = new URL(req.url ?? '/', 'http://emulator')
    const method = (req.method ?? 'GET').toUpperCase()
    const path = url.pathname
    const isControl = path.startsWith('/__emulator/')
    const entry: RequestLogEntry = {
      method,
      path,
      query: queryObject(url.searchParams),
      status: 0,
      startedAt,
      endedAt: 0,
    }
    const raw = await readBody(req)
    let reply: Reply
    let afterFault: FaultSpec | undefined
    try {
      const header = req.headers.authorization ?? ''
      const auth = /^Bearer\s+(\S+)\s*$/i.exec(header)
      if (!header.trim()) throw authMissing()
      if (!auth) throw authFormatInvalid()
      // a machine's own secret key is taken too, by the M2M token routes only (routes/machines.ts)
      const machineId = auth[1] === secretKey || isControl ? undefined : machineForKey(store, path, auth[1])
      if (auth[1] !== secretKey && !machineId) throw keyInvalid()
      const router = isControl ? control : api
      if (!isControl) {
        const taken = faults.take(method, path)
        // "someone else" acts first: the faults' side requests are served before this one
        for (const f of taken) for (const side of f.before ?? []) await serveSide(side)
        afterFault = taken.find((f) => f.after)
        for (const f of taken.filter((x) => !x.after)) {
          if (f.kind === 'latency') await sleep(f.ms ?? 0)
          else if (f.kind === 'reset') {
            req.socket.destroy()
            entry.endedAt = Date.now()
            log(entry)
            return
          } else if (f.kind === 'hang') {
            hanging.add(req.socket)
            req.socket.once('close', () => {
              hanging.delete(req.socket)
              entry.endedAt = Date.now()
              log(entry)
            })
            return
          } else if (f.kind === 'status') {
            entry.fault = true
            throw faultError(f)
          }
        }
        const decision = limiter.check({method, path, secretKey}, clock())
        if (!decision.ok) throw tooManyRequests(retryAfterSeconds(decision.retryAfterMs))
      }
      const route = router.match(method, path)
      if (!route) throw notFound()
      let json: unknown
      try {
        json = raw.trim() === '' ? undefined : JSON.parse(raw)
      } catch {
        throw badRequestBody()
      }
      if (
        json !== undefined &&
        (typeof json !== 'object' ||
          json === null ||
          (Array.isArray(json) && !isControl && !route.arrayBody && !path.endsWith('/bulk')))
      )
        throw badRequestBody()
      const body = json && !Array.isArray(json) ? (json as Record<string, unknown>) : {}
      reply = await route.handler({
        method,
        path,
        query: url.searchParams,
        params: route.params,
        body,
        json,
        store,
        machineId,
      })
      if (afterFault?.kind === 'status') {
        entry.fault = true
        reply = errorReply(faultError(afterFault))
      }
    } catch (error) {
      reply = errorReply(error)
    }
    if (afterFault?.kind === 'reset') {
      req.socket.destroy()
      entry.endedAt = Date.now()
      log(entry)
      return
    }
    if (!isControl && opts.latencyMs) await sleep(opts.latencyMs)
    if (res.destroyed) return
    const text = send(res, reply)
    if (isControl) return
    entry.status = reply.status
    entry.endedAt = Date.now()
    if (opts.recordBodies && text) entry.body = JSON.parse(text)
    log(entry)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent && !res.destroyed) send(res, errorReply(error))
    })
  })
  // Idle keep-alive sockets stay open well past a client's own idle timeout (undici: 4 s), so a client never
  // reuses a socket the server is closing at that moment (ECONNRESET on a loaded machine). stop() closes them all.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => resolve())
  })
  const {port} = server.address() as AddressInfo
  const hostPart = host.includes(':') ? `[${host}]` : host
  const live = secretKey.startsWith('sk_live_')
  let stopped = false
  selfUrl = `http://${hostPart}:${port}`

  return {
    url: `http://${hostPart}:${port}`,
    secretKey,
    publishableKey: `${live ? 'pk_live_' : 'pk_test_'}${Buffer.from(`${hostPart}:${port}$`).toString('base64')}`,
    store,
    requests,
    limiter,
    get signingKey() {
      if (!cachedKey || cachedKey.kid !== store.signingKey!.kid) cachedKey = signingKeyFrom(store.signingKey!)
      return cachedKey
    },
    injectFault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    setRateLimit,
    webhooks: {
      endpoints: dispatcher.endpoints,
      deliveries: dispatcher.log,
      idle: () => dispatcher.idle(),
    },
    async stop() {
      if (stopped) return
      stopped = true
      dispatcher.stop()
      for (const s of hanging) s.destroy()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      if (opts.persist) {
        // it holds the JWT signing key: private, exclusive, never through a planted symlink
        const tmp = `${opts.persist}.tmp-${process.pid}`
        const fd = openSync(
          tmp,
          constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
          0o600,
        )
        try {
          fchmodSync(fd, 0o600)
          writeSync(fd, JSON.stringify(store.export()))
        } finally {
          closeSync(fd)
        }
        renameSync(tmp, opts.persist)
      }
    },
  }
}
