/**
 * Verify one delivery with @clerk/backend's own `verifyWebhook` (its `webhooks` entry point, loaded lazily),
 * so a delivery passes here exactly when it would pass in an app using Clerk's SDK. Its failures become
 * one-line reasons.
 *
 * --tolerance: the SDK (standardwebhooks) has a fixed 5-minute window and no option for it. When a
 * tolerance is given we check the timestamp against it ourselves, then run the SDK with Date.now pinned to
 * the delivery's own timestamp for the duration of the call, so the SDK's window is neutral and everything
 * else (headers, secret, the signature over the raw body) is still checked by the SDK alone.
 */
import {CliError, ExitCode} from '../util/errors.js'

export interface RawDelivery {
  /** header names lower-case */
  headers: Record<string, string>
  /** the body exactly as received */
  body: string
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WebhookEvent = Record<string, any>

export type VerifyResult =
  | {valid: true; id: string; timestamp: number; type: string; object_id: string | null; event: WebhookEvent}
  | {valid: false; reason: string; hint?: string; id?: string}

export interface VerifyOptions {
  /** seconds; default the SDK's own 300 */
  toleranceSeconds?: number
  now?: () => number
}

const SDK_TOLERANCE_SECONDS = 300

export async function verifyDelivery(
  delivery: RawDelivery,
  secret: string,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const {verifyWebhook} = await import('@clerk/backend/webhooks')
  const now = options.now ?? Date.now
  const id = delivery.headers['svix-id']?.trim()
  const tsHeader = delivery.headers['svix-timestamp']?.trim()
  const ts = tsHeader && /^\d+$/.test(tsHeader) ? Number(tsHeader) : undefined
  const tolerance = options.toleranceSeconds
  if (tolerance !== undefined && ts !== undefined && id && delivery.headers['svix-signature']) {
    const skew = Math.floor(now() / 1000) - ts
    if (Math.abs(skew) > tolerance) return {valid: false, id, ...outsideTolerance(skew, tolerance)}
  }
  const request = new Request('http://localhost/webhook', {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  })
  const realNow = Date.now
  if (tolerance !== undefined && ts !== undefined) Date.now = () => ts * 1000
  try {
    const event = (await verifyWebhook(request, {signingSecret: secret})) as WebhookEvent
    const data = event.data as {id?: string} | undefined
    return {
      valid: true,
      id: id!,
      timestamp: ts!,
      type: String(event.type),
      object_id: typeof data?.id === 'string' ? data.id : null,
      event,
    }
  } catch (error) {
    const skew = ts === undefined ? 0 : Math.floor(now() / 1000) - ts
    return {valid: false, ...(id ? {id} : {}), ...reasonFor(String((error as Error).message), delivery.body, skew)}
  } finally {
    Date.now = realNow
  }
}

function outsideTolerance(skew: number, tolerance: number, flag = true): {reason: string; hint: string} {
  const when = skew >= 0 ? `${skew}s old` : `${-skew}s in the future`
  return {
    reason: `timestamp outside tolerance: the delivery is ${when}, tolerance ${tolerance}s`,
    hint: flag
      ? 'replaying a saved delivery? raise --tolerance (seconds); otherwise check the clocks'
      : 'Clerk and Svix reject deliveries older than 5 minutes; pass --tolerance SECONDS to check an old saved delivery',
  }
}

const SECRET_HINT = "check the secret is this endpoint's signing secret"
const RAW_BODY_HINT =
  'the body parses as JSON: it must be the raw bytes as received (a body parsed and re-serialised, ' +
  'e.g. JSON.stringify(req.body) after a JSON body parser, no longer matches: read the raw body with await req.text()); ' +
  `and ${SECRET_HINT}`

function parsesAsJson(body: string): boolean {
  try {
    JSON.parse(body)
    return true
  } catch {
    return false
  }
}

/** The SDK's error messages -> one line for people (and the hint about raw bodies). */
export function reasonFor(message: string, body: string, skew: number): {reason: string; hint?: string} {
  const missing = /Missing required webhook headers: (.+)$/.exec(message)
  if (missing)
    return {
      reason: `missing header ${missing[1]}`,
      hint: 'a delivery carries svix-id, svix-timestamp and svix-signature',
    }
  if (/timestamp too (old|new)/.test(message)) return outsideTolerance(skew, SDK_TOLERANCE_SECONDS, false)
  if (/Invalid Signature Headers/.test(message)) return {reason: 'bad svix-timestamp: not a Unix timestamp in seconds'}
  if (/No matching signature found/.test(message))
    return {
      reason: 'bad signature: no v1 signature matches this body with this secret',
      hint: parsesAsJson(body)
        ? RAW_BODY_HINT
        : "check the secret is this endpoint's signing secret and the body is unmodified",
    }
  if (/Base64Coder|Secret can't be empty|Expected secret/.test(message))
    return {
      reason: 'wrong secret format: expected whsec_ followed by base64',
      hint: "copy the endpoint's Signing Secret from the Clerk Dashboard",
    }
  if (/Unable to verify incoming webhook: /.test(message))
    return {
      reason: `the signature matches but the body is not JSON (${message.replace(/^.*Unable to verify incoming webhook: /, '')})`,
    }
  return {reason: message.replace(/^@clerk\/backend: /, '')}
}

export const invalidError = (r: Extract<VerifyResult, {valid: false}>) =>
  new CliError(`webhook verification failed: ${r.reason}`, ExitCode.UNAUTHENTICATED, {hint: r.hint})
