/**
 * Start a BAPI emulator for a test, with every response body recorded so it can be checked against the spec.
 *
 *   const emu = await startTestEmulator()            // options as startEmulator(); recordBodies is forced on
 *   const res = await emu.request('GET', '/v1/users?limit=5')   // {status, headers, body (parsed JSON)}
 *   const clerk = createClerkClient({secretKey: emu.secretKey, apiUrl: emu.url})
 *   ...
 *   emu.assertResponsesMatchSpec()                   // throws listing every response that breaks the spec
 *   await emu.stop()
 *
 * `request(method, path, body?, headers?)` sends the secret key unless `headers.authorization` is given
 * (pass `authorization: ''` to send none). Responses with no body (reset/hang faults) are skipped by the check.
 * Error responses are also checked against the emulator's error table (`tableErrors`).
 */
import {type Emulator, type EmulatorOptions, startEmulator} from '../../src/emulator/server.js'
import {ERRORS, type ErrorEntry, entriesFor, longPattern} from '../../src/emulator/errors/table.js'
import type {RequestLogEntry} from '../../src/emulator/request-log.js'
import {validateResponse} from './openapi.js'

const messagePattern = (e: ErrorEntry) => longPattern({...e, long: e.message})

/**
 * An error response's items checked against the emulator's error table (src/emulator/errors/table.ts):
 * each must be an entry with this status and code, its message and long_message the entry's (placeholders
 * filled), its meta keys among the entry's. Answers of injected 'status' faults are not checked.
 */
export function tableErrors(r: Pick<RequestLogEntry, 'method' | 'path' | 'status' | 'body' | 'fault'>): string[] {
  if (r.status < 400 || r.fault) return []
  const where = `${r.method} ${r.path} ${r.status}`
  const items = (r.body as {errors?: unknown})?.errors
  if (!Array.isArray(items) || items.length === 0) return [`${where}: an error without errors[]`]
  return items.flatMap((item: {code?: string; message?: string; long_message?: string; meta?: object}) => {
    const candidates = entriesFor(r.status, String(item.code))
    if (!candidates.length) return [`${where}: ${item.code} is not in the error table with status ${r.status}`]
    const fits = candidates.some(
      ([, e]) =>
        messagePattern(e).test(String(item.message)) &&
        longPattern(e).test(String(item.long_message)) &&
        Object.keys(item.meta ?? {}).every((k) => (e.meta as string[] | undefined)?.includes(k)),
    )
    return fits
      ? []
      : [`${where}: ${item.code} ${JSON.stringify(item)} matches none of ${candidates.map(([n]) => n).join(', ')}`]
  })
}
export {ERRORS}

export interface TestResponse {
  status: number
  headers: Headers
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

export interface TestEmulator extends Emulator {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>
  /** Every spec mismatch among the recorded responses (from index `from` of the log on), as strings. */
  specErrors(from?: number): string[]
  /** Throw if any recorded response (from index `from` of the log on) does not match the spec. */
  assertResponsesMatchSpec(from?: number): void
}

export async function startTestEmulator(opts: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({...opts, recordBodies: true})
  const specErrors = (from = 0) =>
    emu.requests
      .slice(from)
      .filter((r) => r.status > 0 && r.body !== undefined)
      .flatMap((r) => [
        ...validateResponse(r.method, r.path, r.status, r.body, {paginated: r.query.paginated === 'true'}),
        ...tableErrors(r),
      ])
  return Object.assign(emu, {
    async request(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<TestResponse> {
      const h: Record<string, string> = {
        'Content-Type': 'application/json',
        authorization: `Bearer ${emu.secretKey}`,
        ...headers,
      }
      if (h.authorization === '') delete h.authorization
      const res = await fetch(emu.url + path, {
        method,
        headers: h,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      })
      const text = await res.text()
      let parsed: unknown = text
      try {
        parsed = text ? JSON.parse(text) : undefined
      } catch {}
      return {status: res.status, headers: res.headers, body: parsed}
    },
    specErrors,
    assertResponsesMatchSpec(from = 0) {
      const errors = specErrors(from)
      if (errors.length)
        throw new Error(
          `${errors.length} response(s) do not match the spec:\n${[...new Set(errors)].slice(0, 30).join('\n')}`,
        )
    },
  })
}
