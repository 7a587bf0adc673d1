/** Sign a delivery as Svix does (for `webhooks trigger`): v1 HMAC-SHA256 over "{id}.{timestamp}.{body}". */
import {createHmac, randomBytes} from 'node:crypto'

export const newMessageId = () => `msg_${randomBytes(20).toString('base64url').replace(/[-_]/g, '').slice(0, 27)}`

export function signedHeaders(secret: string, id: string, body: string, nowMs = Date.now()): Record<string, string> {
  const ts = Math.floor(nowMs / 1000)
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const sig = createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')
  return {
    'content-type': 'application/json',
    'svix-id': id,
    'svix-timestamp': String(ts),
    'svix-signature': `v1,${sig}`,
  }
}
