/**
 * A tiny method + path-pattern router. Patterns are literal segments and `:name` parameters,
 * e.g. `/v1/users/:user_id/metadata`. When two patterns match a path, the one with fewer
 * parameters wins (`/v1/users/count` beats `/v1/users/:user_id`), whatever the order of registration.
 */
import type {Store} from './store.js'

export interface RequestContext {
  method: string
  /** The path without the query string, e.g. `/v1/users/user_123`. */
  path: string
  query: URLSearchParams
  params: Record<string, string>
  /** The parsed JSON body (`{}` when the request had none). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: Record<string, any>
  /** The JSON body exactly as sent (may be an array; undefined when empty). */
  json: unknown
  store: Store
  /** the machine whose secret key authenticated the request (M2M token routes); undefined for the instance key */
  machineId?: string
}

export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>

export const ok = (body: unknown): Reply => ({status: 200, body})

/** Compile a pattern to a matcher returning the decoded parameters, or null when the path does not match. */
export function compilePattern(pattern: string): (path: string) => Record<string, string> | null {
  const names: string[] = []
  const source = pattern
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        names.push(seg.slice(1))
        return '([^/]+)'
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  const re = new RegExp(`^${source}/?$`)
  return (path) => {
    const m = re.exec(path)
    if (!m) return null
    const params: Record<string, string> = {}
    names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1])
    })
    return params
  }
}

interface Route {
  method: string
  pattern: string
  paramCount: number
  match: (path: string) => Record<string, string> | null
  handler: Handler
  /** the route takes a JSON array body (e.g. POST /v1/waitlist_entries/bulk); others answer 400 to one */
  arrayBody?: boolean
}

export interface RouteOptions {
  arrayBody?: boolean
}

export interface RouteMatch {
  handler: Handler
  params: Record<string, string>
  pattern: string
  arrayBody?: boolean
}

export class Router {
  private routes: Route[] = []

  add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): this {
    const paramCount = pattern.split('/').filter((s) => s.startsWith(':')).length
    this.routes.push({
      method: method.toUpperCase(),
      pattern,
      paramCount,
      match: compilePattern(pattern),
      handler,
      ...options,
    })
    return this
  }

  get(p: string, h: Handler) {
    return this.add('GET', p, h)
  }
  post(p: string, h: Handler, o?: RouteOptions) {
    return this.add('POST', p, h, o)
  }
  patch(p: string, h: Handler) {
    return this.add('PATCH', p, h)
  }
  put(p: string, h: Handler) {
    return this.add('PUT', p, h)
  }
  delete(p: string, h: Handler) {
    return this.add('DELETE', p, h)
  }

  /** The best route for method + path, or undefined (unknown path or method). */
  match(method: string, path: string): RouteMatch | undefined {
    let best: RouteMatch | undefined
    let bestCount = Infinity
    for (const r of this.routes) {
      if (r.method !== method.toUpperCase() || r.paramCount >= bestCount) continue
      const params = r.match(path)
      if (params) {
        best = {handler: r.handler, params, pattern: r.pattern, arrayBody: r.arrayBody}
        bestCount = r.paramCount
      }
    }
    return best
  }
}
