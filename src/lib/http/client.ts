import type {ClerkClient} from '@clerk/backend'

import type {Config} from '../config/resolve.js'
import {CliError, ExitCode, usageError} from '../util/errors.js'
import {unsafeSegment} from '../util/ids.js'
import {isReadRequest} from '../util/safety.js'
import {Limiter} from './limiter.js'
import {namesNothing, notFoundMessage} from './not-found.js'
import {createLimitedFetch, methodOf, urlOf} from './transport.js'
import {type WireHeaders, type WireInit, type WireResponse, wireFetch} from './wire.js'

/** The BAPI version our raw requests announce, the same header @clerk/backend 3.25 sends. */
export const BAPI_VERSION_HEADER = '2026-05-12'

/** A BAPI JSON object as the API sent it (snake_case). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>

export type Query = Record<string, string | number | boolean | null | undefined | Array<string | number>>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** false: the path is not under /v1 (e.g. /api_keys/verify, the emulator's /__emulator routes) */
  versioned?: boolean
  /** the bearer instead of the instance secret key (a machine secret key: POST /m2m_tokens takes only that) */
  bearer?: string
}

/** An error answer from BAPI on the raw path, shaped like @clerk/backend's ClerkAPIResponseError. */
export class ApiError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly errors: Array<{code: string; message: string; longMessage?: string; meta?: unknown}>,
    readonly clerkTraceId?: string,
    readonly retryAfter?: number,
  ) {
    super(errors[0]?.longMessage ?? errors[0]?.message ?? `HTTP ${status}`)
  }
}

/** A whole answer from BAPI (for `clerk api -i` and pass-through of error bodies). */
export interface ApiResponse<T = unknown> {
  status: number
  statusText: string
  headers: WireHeaders
  /** parsed JSON when the answer is JSON, else the text ('' when empty) */
  data: T
}

export interface Client {
  /** @clerk/backend's client, loaded on first use: every request it makes goes through `limiter` */
  sdk(): Promise<ClerkClient>
  /** call before importing any other @clerk/backend entry point (they capture the global fetch on load) */
  prepareSdk(): void
  /** a raw BAPI call (path relative to /v1) through the same limiter; JSON in, JSON out */
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<T>
  /** the same call, answering the whole response (status, headers, body) instead of throwing on 4xx/5xx */
  send<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>
  limiter: Limiter
  config: Config
}

export interface ClientIO {
  version: string
  notify: (message: string) => void
  log?: (line: string) => void
  /** called once, before the first request that may change data (not GET/HEAD, not a token verify) */
  beforeWrite?: () => void
  /**
   * called before EVERY request that may change data, raw or through the SDK; throwing refuses it (nothing
   * is sent). The base command enforces --dry-run and confirmations here (src/lib/oclif/command.ts).
   */
  guardWrite?: (request: WriteRequest) => void
}

/** A changing request about to be sent: what guardWrite sees. */
export interface WriteRequest {
  method: string
  url: string
  /** the JSON body as sent (a string), if any */
  body?: unknown
}

let built: Promise<Client> | undefined

/** THE shared client: one per process. Nothing else may build a ClerkClient or call BAPI. */
export function getClient(config: Config, io: ClientIO): Promise<Client> {
  built ??= buildClient(config, io)
  return built
}

export function requireSecretKey(config: Config): string {
  if (!config.secretKey) {
    throw new CliError('no secret key', ExitCode.UNAUTHENTICATED, {
      hint: 'set CLERK_SECRET_KEY (or use --profile); for the local emulator run `clerk emulator start`',
    })
  }
  return config.secretKey
}

async function buildClient(config: Config, io: ClientIO): Promise<Client> {
  const secretKey = requireSecretKey(config)
  const limiter = await createLimiter(config, io)
  const transportOptions = {limiter, timeoutMs: config.timeoutMs, log: io.log}
  // the raw path: node:http (wire.ts), never loading undici
  const transport = createLimitedFetch({...transportOptions, fetch: wireFetch})
  let wrote = false
  /** every request passes here first: a changing one is shown to the guard (which may refuse it) */
  const gate = (input: Parameters<typeof urlOf>[0], init: {method?: string; body?: unknown} | undefined) => {
    const method = methodOf(input, init)
    const url = urlOf(input)
    if (isReadRequest(method, url)) return
    io.guardWrite?.({method, url, body: init?.body})
    if (io.beforeWrite && !wrote) {
      wrote = true
      io.beforeWrite()
    }
  }
  // @clerk/backend captures the global fetch when its modules load (outside NODE_ENV=test), so the limited
  // fetch becomes the global fetch just BEFORE the first of them is imported (prepareSdk); other origins
  // pass through to the real one. Until then undici is never loaded.
  let sdkFetch = false
  const prepareSdk = () => {
    if (sdkFetch) return
    sdkFetch = true
    const realFetch = globalThis.fetch
    const limited = createLimitedFetch({...transportOptions, fetch: realFetch})
    const origin = new URL(config.apiUrl).origin
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (!urlOf(input).startsWith(origin)) return realFetch(input, init)
      gate(input, init)
      return limited(input, init)
    }) as typeof fetch
  }
  // loaded on first use only (~50 ms and ~17 MB that raw-request commands never need)
  let sdkClient: Promise<ClerkClient> | undefined
  const sdk = () =>
    (sdkClient ??= (async () => {
      prepareSdk()
      const {createClerkClient} = await import('@clerk/backend')
      return createClerkClient({
        secretKey,
        apiUrl: config.apiUrl,
        apiVersion: config.apiVersion,
        jwtKey: config.jwtKey,
        publishableKey: config.publishableKey,
        userAgent: `clerk-admin@${io.version}`,
        sdkMetadata: {name: 'clerk-admin', version: io.version, environment: process.env.NODE_ENV ?? 'production'},
        telemetry: {disabled: true},
      })
    })())
  const base = `${config.apiUrl}/${config.apiVersion}`
  const headers = {
    Authorization: `Bearer ${secretKey}`,
    'Clerk-API-Version': BAPI_VERSION_HEADER,
    'User-Agent': `clerk-admin@${io.version}`,
  }
  async function send<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const bad = unsafeSegment(path)
    if (bad !== undefined)
      throw usageError(`refusing the path ${path}: the segment "${bad}" could name another resource`)
    const url = new URL(
      (options.versioned === false ? config.apiUrl : base) + (path.startsWith('/') ? path : `/${path}`),
    )
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value === undefined || value === null || value === '') continue
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v))
    }
    const hasBody = options.body !== undefined
    const auth = options.bearer ? {...headers, Authorization: `Bearer ${options.bearer}`} : headers
    const init: WireInit = {
      method: method.toUpperCase(),
      headers: hasBody ? {...auth, 'Content-Type': 'application/json'} : auth,
      body: hasBody ? JSON.stringify(options.body) : undefined,
    }
    gate(url, init) // outside the try: a refusal keeps its own exit code
    let res: WireResponse
    try {
      res = await transport(url, init)
    } catch (error) {
      throw new ApiError(undefined, [{code: 'unexpected_error', message: (error as Error).message}])
    }
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null
    if (location) {
      // BAPI never redirects: the API URL is wrong (http:// for https://, an old host). Not followed, so
      // the secret key goes to no other host.
      await res.body.cancel()
      throw usageError(
        `the API URL ${config.apiUrl} answered ${res.status}, redirecting to ${new URL(location, url).href}`,
        'set the API URL to the address it redirects to (--api-url, CLERK_API_URL or the profile)',
      )
    }
    const text = await res.text()
    let data: unknown = text
    if ((res.headers.get('content-type') ?? '').startsWith('application/json') && text) {
      try {
        data = JSON.parse(text)
      } catch {
        // malformed JSON: keep the text
      }
    }
    return {status: res.status, statusText: res.statusText, headers: res.headers, data: data as T}
  }
  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const res = await send<T>(method, path, options)
    if (res.status >= 400) throw apiErrorFrom(res, path)
    return (res.status === 204 || res.data === '' ? undefined : res.data) as T
  }
  return {sdk, prepareSdk, request, send, limiter, config}
}

/** A 4xx/5xx answer as the ApiError every command turns into one line and an exit code. */
export function apiErrorFrom(res: ApiResponse, path?: string): ApiError {
  const data = res.data as {errors?: unknown; clerk_trace_id?: string} | undefined
  const raw = data?.errors as Array<{code: string; message: string; long_message?: string; meta?: unknown}> | undefined
  const errors = Array.isArray(raw)
    ? raw.map((e) => ({code: e.code, message: e.message, longMessage: e.long_message, meta: e.meta}))
    : [{code: 'unexpected_response', message: `HTTP ${res.status} ${res.statusText}`}]
  // a generic "Resource not found" names nothing: the path says which kind and which id (Clerk's own words,
  // such as "No user was found with id …", are kept)
  const generic = namesNothing((errors[0] as {longMessage?: string} | undefined)?.longMessage)
  const missing = res.status === 404 && path && generic ? notFoundMessage(path) : undefined
  if (missing && errors[0]) errors[0] = {...errors[0], longMessage: missing}
  const retryAfter = res.headers.get('retry-after')
  return new ApiError(
    res.status,
    errors,
    data?.clerk_trace_id,
    retryAfter ? Number.parseInt(retryAfter, 10) : undefined,
  )
}

/**
 * Config -> the limiter. With --limiter-redis the budget is shared with every process using the same
 * instance (src/lib/limiter-redis.ts, loaded only then); without it, this process paces itself alone.
 */
export async function createLimiter(config: Config, io: Pick<ClientIO, 'notify'>): Promise<Limiter> {
  const local = {rate: config.rate, maxConcurrent: config.maxConcurrent, notify: io.notify}
  if (!config.limiterRedis) return Limiter.create(local)
  const {connectSharedBudget, displayUrl} = await import('./shared-budget.js')
  let budget: Awaited<ReturnType<typeof connectSharedBudget>>
  try {
    budget = await connectSharedBudget(config.limiterRedis, requireSecretKey(config), {notify: io.notify})
  } catch (error) {
    if (!config.limiterRedisOptional || (error as CliError).exitCode === ExitCode.USAGE) throw error
    io.notify(
      `warning: cannot reach the shared limiter's Redis at ${displayUrl(config.limiterRedis)}; ` +
        `using a local limiter (this process alone at ${config.rate.limit}/${config.rate.windowMs / 1000}s)`,
    )
    return Limiter.create(local)
  }
  // one attempt lasts at most the request timeout (plus pacing): after that its slot in Redis is freed
  return Limiter.create({
    ...local,
    bottleneck: budget.bottleneck,
    shared: budget.shared,
    jobExpirationMs: config.timeoutMs + 5000,
  })
}
