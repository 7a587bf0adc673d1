/**
 * The emulator's own control routes under /__emulator (they need the secret key, are not rate
 * limited, not faulted, and not written to the request log):
 *   POST   /__emulator/faults      body: a FaultSpec or an array of them -> {faults} (a 'status' fault may
 *                                   carry the exact `body` to answer; `before` lists side requests, faults.ts)
 *   DELETE /__emulator/faults      -> {faults: []}
 *   GET    /__emulator/requests    -> the request log (array); DELETE clears it
 *   GET    /__emulator/state       -> the whole state (EmulatorState JSON)
 *   POST   /__emulator/state       body: EmulatorState -> replaces the state
 *   POST   /__emulator/reset       -> empties the state, faults and rate-limit buckets (the log stays)
 *   POST   /__emulator/rate-limit  body: {rate: "100/10s" | "off"} (the instance rate), or
 *                                   {rule: "org_invitations_bulk", rate: "5/2s"} (one named rule of ratelimit.ts)
 *   POST   /__emulator/user-cap    body: {max: 100} (creates past it get 403 user_quota_exceeded) or {max: null} (no cap)
 */
import {parseEmulatorRate, type Rate} from './rates.js'
import {ErrorResponse} from './errors.js'
import type {FaultSet, FaultSpec} from './faults.js'
import type {RequestLogEntry} from './request-log.js'
import {ok, Router} from './router.js'
import type {EmulatorState, Store} from './store.js'

export interface ControlTarget {
  store: Store
  faults: FaultSet
  requests: RequestLogEntry[]
  setRateLimit(r: Rate | 'off'): void
  setRuleRate?(name: string, r: Rate): void
  reset(): void
}

const bad = (message: string) =>
  new ErrorResponse(400, [{code: 'request_body_invalid', message: 'Request body invalid', long_message: message}])

function guard<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof ErrorResponse) throw error
    throw bad((error as Error).message)
  }
}

export function controlRouter(emu: ControlTarget): Router {
  const r = new Router()
  r.post('/__emulator/faults', ({json}) => {
    const raw = Array.isArray(json) ? json : [json]
    guard(() => raw.forEach((f) => emu.faults.add(f as FaultSpec)))
    return ok({faults: emu.faults.list()})
  })
  r.delete('/__emulator/faults', () => {
    emu.faults.clear()
    return ok({faults: []})
  })
  r.get('/__emulator/requests', () => ok(emu.requests))
  r.delete('/__emulator/requests', () => {
    emu.requests.length = 0
    return ok({requests: []})
  })
  r.get('/__emulator/state', () => ok(emu.store.export()))
  r.post('/__emulator/state', ({body}) => {
    guard(() => emu.store.import(body as EmulatorState))
    return ok({object: 'emulator_state', users: emu.store.users.size})
  })
  r.post('/__emulator/reset', () => {
    emu.reset()
    return ok({object: 'emulator_state', users: 0})
  })
  r.post('/__emulator/rate-limit', ({body}) => {
    const rate = body.rate
    if (typeof rate !== 'string') throw bad('rate must be a string such as "100/10s" or "off"')
    if (typeof body.rule === 'string') {
      const rule = body.rule
      guard(() => emu.setRuleRate?.(rule, parseEmulatorRate(rate)))
      return ok({rule, rate})
    }
    guard(() => emu.setRateLimit(rate === 'off' ? 'off' : parseEmulatorRate(rate)))
    return ok({rate})
  })
  r.post('/__emulator/user-cap', ({body}) => {
    const max = body.max
    if (max !== null && !(Number.isInteger(max) && max > 0)) throw bad('max must be a positive integer or null')
    emu.store.userCap = max === null ? undefined : {max, production: emu.store.userCap?.production ?? false}
    return ok({max})
  })
  return r
}
