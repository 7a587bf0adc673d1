/**
 * Clerk's rate limits as a list of token-bucket rules. Each rule keys its buckets by the secret key
 * (and, for `param` rules, by a path parameter such as the user id). A request passes only if every
 * matching bucket has a token; a rejected request consumes nothing. Buckets start full (capacity =
 * limit) and refill continuously at limit / window.
 */
import type {Rate} from './rates.js'
import {compilePattern} from './router.js'

interface RuleBase {
  name: string
  rate: Rate
}
/** One bucket per secret key for every request not in `exempt`. */
export interface InstanceRule extends RuleBase {
  kind: 'instance'
  exempt?: {method: string; path: string}[]
}
/** One bucket per secret key for the requests matching method + pattern. */
export interface EndpointRule extends RuleBase {
  kind: 'endpoint'
  methods: string[]
  patterns: string[]
}
/** One bucket per secret key and value of path parameter `param` (e.g. 10 / 10 s per user id). */
export interface ParamRule extends RuleBase {
  kind: 'param'
  methods: string[]
  patterns: string[]
  param: string
}
export type RateRule = InstanceRule | EndpointRule | ParamRule

export interface RateRequest {
  method: string
  path: string
  secretKey: string
}
export type RateDecision = {ok: true} | {ok: false; rule: string; retryAfterMs: number}

const per10s = (limit: number): Rate => ({limit, windowMs: 10_000})
const perHour = (limit: number): Rate => ({limit, windowMs: 3_600_000})

/** Clerk's published limits ("System limits"): the instance rate plus the per-endpoint and per-resource ones. */
export function defaultRules(instance: Rate): RateRule[] {
  return [
    {kind: 'instance', name: 'instance', rate: instance, exempt: [{method: 'GET', path: '/v1/jwks'}]},
    {kind: 'endpoint', name: 'invitations', rate: perHour(100), methods: ['POST'], patterns: ['/v1/invitations']},
    {
      kind: 'endpoint',
      name: 'invitations_bulk',
      rate: perHour(25),
      methods: ['POST'],
      patterns: ['/v1/invitations/bulk'],
    },
    {
      kind: 'endpoint',
      name: 'org_invitations',
      rate: perHour(250),
      methods: ['POST'],
      patterns: ['/v1/organizations/:id/invitations'],
    },
    {
      kind: 'endpoint',
      name: 'org_invitations_bulk',
      rate: perHour(50),
      methods: ['POST'],
      patterns: ['/v1/organizations/:id/invitations/bulk'],
    },
    {
      kind: 'param',
      name: 'user_update',
      rate: per10s(10),
      methods: ['PATCH', 'PUT'],
      param: 'user_id',
      patterns: ['/v1/users/:user_id', '/v1/users/:user_id/metadata'],
    },
    {
      kind: 'param',
      name: 'organization_update',
      rate: per10s(10),
      methods: ['PATCH', 'PUT'],
      param: 'organization_id',
      patterns: ['/v1/organizations/:organization_id', '/v1/organizations/:organization_id/metadata'],
    },
    {
      kind: 'param',
      name: 'membership_update',
      rate: per10s(10),
      methods: ['PATCH', 'PUT'],
      param: 'user_id',
      patterns: [
        '/v1/organizations/:organization_id/memberships/:user_id',
        '/v1/organizations/:organization_id/memberships/:user_id/metadata',
      ],
    },
  ]
}

class Bucket {
  private tokens: number
  private last: number
  constructor(
    private rate: Rate,
    now: number,
  ) {
    this.tokens = rate.limit
    this.last = now
  }

  /** Milliseconds until one token is available (0 = available now). */
  wait(now: number): number {
    this.tokens = Math.min(this.rate.limit, this.tokens + ((now - this.last) * this.rate.limit) / this.rate.windowMs)
    this.last = now
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) * this.rate.windowMs) / this.rate.limit
  }

  take(): void {
    this.tokens -= 1
  }
}

type Matcher = (req: RateRequest) => string | null

export class RateLimiter {
  enabled = true
  private buckets = new Map<string, Bucket>()
  private matchers: {rule: RateRule; match: Matcher}[] = []

  constructor(rules: RateRule[]) {
    for (const r of rules) this.addRule(r)
  }

  get rules(): RateRule[] {
    return this.matchers.map((m) => m.rule)
  }

  addRule(rule: RateRule): void {
    this.matchers.push({rule, match: matcherFor(rule)})
  }

  /** Change the instance-wide rate ('off' disables every rule). Buckets start over. */
  setInstanceRate(rate: Rate | 'off'): void {
    this.buckets.clear()
    this.enabled = rate !== 'off'
    if (rate === 'off') return
    for (const m of this.matchers) if (m.rule.kind === 'instance') m.rule.rate = rate
  }

  reset(): void {
    this.buckets.clear()
  }

  /** Change one named rule's rate (e.g. shrink `org_invitations_bulk` to 5/2s so tests run fast). Its buckets start over. */
  setRuleRate(name: string, rate: Rate): void {
    const m = this.matchers.find((x) => x.rule.name === name)
    if (!m)
      throw new RangeError(
        `unknown rate-limit rule "${name}" (rules: ${this.matchers.map((x) => x.rule.name).join(', ')})`,
      )
    m.rule.rate = rate
    for (const id of [...this.buckets.keys()]) if (id.startsWith(`${name}\u0000`)) this.buckets.delete(id)
  }

  /** Admit the request (consuming one token from each matching bucket) or say how long to wait. */
  check(req: RateRequest, now = Date.now()): RateDecision {
    if (!this.enabled) return {ok: true}
    const hits: Bucket[] = []
    let worst: {rule: string; retryAfterMs: number} | undefined
    for (const {rule, match} of this.matchers) {
      const key = match(req)
      if (key === null) continue
      const id = `${rule.name}\u0000${key}`
      let b = this.buckets.get(id)
      if (!b) this.buckets.set(id, (b = new Bucket(rule.rate, now)))
      const wait = b.wait(now)
      if (wait > 0 && (!worst || wait > worst.retryAfterMs)) worst = {rule: rule.name, retryAfterMs: wait}
      hits.push(b)
    }
    if (worst) return {ok: false, ...worst}
    for (const b of hits) b.take()
    return {ok: true}
  }
}

function matcherFor(rule: RateRule): Matcher {
  if (rule.kind === 'instance') {
    return (req) => (rule.exempt?.some((e) => e.method === req.method && e.path === req.path) ? null : req.secretKey)
  }
  const patterns = rule.patterns.map(compilePattern)
  return (req) => {
    if (!rule.methods.includes(req.method)) return null
    for (const p of patterns) {
      const params = p(req.path)
      if (!params) continue
      return rule.kind === 'endpoint' ? req.secretKey : `${req.secretKey}\u0000${params[rule.param]}`
    }
    return null
  }
}

/** Retry-After in whole seconds: the time until one token is available, rounded up, at least 1. */
export const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000))
