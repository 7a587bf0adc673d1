/** How a dry run shows a request it did not send: method, path and query, and the body with secrets masked. */
import type {WriteRequest} from '../http/client.js'

const SECRET_FIELD = /password|secret|totp|backup_code|private_key|signing_key|token/i

function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '***' : mask(v)]),
    )
  return value
}

export function describeWouldSend(req: WriteRequest): string {
  const url = new URL(req.url)
  let body = ''
  if (typeof req.body === 'string' && req.body) {
    try {
      body = ` ${JSON.stringify(mask(JSON.parse(req.body)))}`
    } catch {
      body = ` (${req.body.length} bytes)`
    }
  }
  return `${req.method} ${url.pathname}${url.search}${body}`
}
