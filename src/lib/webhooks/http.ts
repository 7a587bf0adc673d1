/**
 * HTTP to the user's own webhook endpoints (trigger, listen --forward-to). Not BAPI, so not through the
 * BAPI client and its limiter: one POST with a timeout, the raw body and headers passed as they are.
 */
import {CliError, ExitCode} from '../util/errors.js'

export interface EndpointAnswer {
  status: number
  body: string
  headers: Record<string, string>
}

export async function postRaw(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
  timeoutMs = 15_000,
): Promise<EndpointAnswer> {
  try {
    const payload = typeof body === 'string' ? body : new Blob([new Uint8Array(body)])
    const res = await fetch(url, {method: 'POST', headers, body: payload, signal: AbortSignal.timeout(timeoutMs)})
    return {status: res.status, body: await res.text(), headers: Object.fromEntries(res.headers)}
  } catch (error) {
    const e = error as {name?: string; message?: string; cause?: {code?: string; message?: string}}
    const why =
      e.name === 'TimeoutError' ? `no answer in ${timeoutMs / 1000}s` : (e.cause?.code ?? e.cause?.message ?? e.message)
    throw new CliError(`cannot reach ${url}: ${why}`, ExitCode.FAILURE)
  }
}

export function checkUrl(text: string, flag: string): string {
  let u: URL
  try {
    u = new URL(text)
  } catch {
    throw new CliError(`${flag}: "${text}" is not a URL`, ExitCode.USAGE)
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new CliError(`${flag}: "${text}" must be an http(s) URL`, ExitCode.USAGE)
  return u.toString()
}
