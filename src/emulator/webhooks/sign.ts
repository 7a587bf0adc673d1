/**
 * Svix's signing scheme, written from its description with node:crypto (not the client's code, so the two
 * sides check each other): HMAC-SHA256 keyed with the base64-decoded part of the secret after `whsec_`,
 * over `{svix-id}.{svix-timestamp}.{raw body}`, sent as `svix-signature: v1,<base64>`.
 */
import {createHmac, randomBytes} from 'node:crypto'

import {base62} from '../ids.js'

/** A new endpoint signing secret: `whsec_` + base64 of 24 random bytes, as Svix issues them. */
export const newSigningSecret = () => `whsec_${randomBytes(24).toString('base64')}`

/** Svix message ids look like `msg_` + 27 base62 characters. */
export const newMessageId = () => `msg_${base62(27)}`

export function isSigningSecret(secret: string): boolean {
  return /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret) && Buffer.from(secret.slice(6), 'base64').length > 0
}

export function svixSignature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`
}

/** The headers of one delivery attempt (Svix signs every attempt with the attempt's own timestamp). */
export function svixHeaders(secret: string, id: string, body: string, nowMs = Date.now()): Record<string, string> {
  const ts = Math.floor(nowMs / 1000)
  return {
    'content-type': 'application/json',
    'user-agent': 'Svix-Webhooks/1.0 (clerk-admin emulator)',
    'svix-id': id,
    'svix-timestamp': String(ts),
    'svix-signature': svixSignature(secret, id, ts, body),
  }
}
