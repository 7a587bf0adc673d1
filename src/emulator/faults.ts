/**
 * Injected faults for tests: answer with an error status, reset the connection, add latency, or hang.
 * A fault matches on method and a path regex; `times` limits how many matching requests it hits
 * (default 1, or unlimited when `every` or `probability` is given), `every: N` hits every Nth match,
 * `probability` hits at random. Faults are checked before a request touches state, unless `after` is
 * set: then the request is processed (state changes) and the fault replaces its answer ('status' sends
 * that error instead, 'reset' drops the connection) — the ambiguous failure a client cannot tell from a
 * lost request, for testing that bulk jobs never apply a row twice.
 * A 'status' fault answers `body` verbatim when given (any JSON: a documented Clerk error, or a deliberately
 * unhelpful one), else the table's error for its status. `before` lists requests "someone else" makes when
 * the fault hits, served (unlogged, unlimited) just before the matched request — e.g. an invitation sent by
 * another admin in the middle of a bulk run. A 'latency' fault with no `ms` is a pure trigger for them.
 */
export interface SideRequest {
  method: string
  /** e.g. `/v1/organizations/org_1/invitations` */
  path: string
  body?: unknown
}

export interface FaultSpec {
  method?: string
  /** A regular expression (source text) tested against the request path, e.g. `^/v1/users$`. */
  path?: string
  kind: 'status' | 'reset' | 'latency' | 'hang'
  /** For 'status' (default 503). */
  status?: number
  /** Sent as the Retry-After header with a 'status' fault (seconds or an HTTP date). */
  retryAfter?: number | string
  /** For 'latency': extra delay before the normal response. */
  ms?: number
  times?: number
  every?: number
  probability?: number
  /** Apply the fault after the request was processed (only 'status' and 'reset'). */
  after?: boolean
  /** For 'status': the response body, sent as is. */
  body?: unknown
  /** Requests served first when the fault hits (another client's). */
  before?: SideRequest[]
}

interface ActiveFault {
  spec: FaultSpec
  re?: RegExp
  method?: string
  remaining: number
  seen: number
}

const KINDS = new Set(['status', 'reset', 'latency', 'hang'])

export function validateFault(f: unknown): FaultSpec {
  const spec = f as FaultSpec
  if (!spec || typeof spec !== 'object' || !KINDS.has(spec.kind))
    throw new TypeError('fault: kind must be one of status, reset, latency, hang')
  if (spec.path !== undefined) new RegExp(spec.path) // throws on a bad pattern
  for (const k of ['status', 'ms', 'times', 'every'] as const) {
    if (spec[k] !== undefined && !(Number.isInteger(spec[k]) && (spec[k] as number) >= 0))
      throw new TypeError(`fault: ${k} must be a non-negative integer`)
  }
  if (spec.after && spec.kind !== 'status' && spec.kind !== 'reset')
    throw new TypeError('fault: after applies to status and reset only')
  if (spec.body !== undefined && spec.kind !== 'status') throw new TypeError('fault: body applies to status only')
  if (spec.before !== undefined) {
    if (!Array.isArray(spec.before)) throw new TypeError('fault: before must be an array of {method, path, body?}')
    for (const s of spec.before)
      if (!s || typeof s.method !== 'string' || typeof s.path !== 'string' || !s.path.startsWith('/v1/'))
        throw new TypeError('fault: every before item needs a method and a /v1/ path')
  }
  if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1))
    throw new TypeError('fault: probability must be in [0, 1]')
  return spec
}

export class FaultSet {
  private active: ActiveFault[] = []

  add(spec: FaultSpec): void {
    validateFault(spec)
    const unlimited = spec.every !== undefined || spec.probability !== undefined
    this.active.push({
      spec,
      re: spec.path === undefined ? undefined : new RegExp(spec.path),
      method: spec.method?.toUpperCase(),
      remaining: spec.times ?? (unlimited ? Infinity : 1),
      seen: 0,
    })
  }

  clear(): void {
    this.active = []
  }

  list(): FaultSpec[] {
    return this.active.map((a) => a.spec)
  }

  /**
   * The faults that apply to this request, in the order added (each hit uses up one of its `times`).
   * Latency composes with anything; of the faults that end a request (status, reset, hang) only the
   * first applies, so faults added one after another hit consecutive requests.
   */
  take(method: string, path: string): FaultSpec[] {
    const hits: FaultSpec[] = []
    let ended = false
    for (const a of this.active) {
      if (a.remaining <= 0) continue
      if (ended && a.spec.kind !== 'latency') continue
      if (a.method && a.method !== method) continue
      if (a.re && !a.re.test(path)) continue
      a.seen++
      if (a.spec.every && a.seen % a.spec.every !== 0) continue
      if (a.spec.probability !== undefined && Math.random() >= a.spec.probability) continue
      a.remaining--
      hits.push(a.spec)
      if (a.spec.kind !== 'latency') ended = true
    }
    this.active = this.active.filter((a) => a.remaining > 0)
    return hits
  }
}
