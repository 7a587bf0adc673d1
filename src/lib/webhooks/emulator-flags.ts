/** `clerk emulator start --webhook URL[#types] --webhook-secret whsec_… --webhook-retry-schedule 1s,5s` -> options. */
import {parseDuration} from '../util/duration.js'
import {isSigningSecret} from './secret.js'

export interface EndpointSpec {
  url: string
  secret?: string
  events?: string[]
}

export function webhookEndpoints(urls: string[], secrets: string[]): EndpointSpec[] {
  if (secrets.length > 0 && urls.length === 0) throw new Error('--webhook-secret needs a --webhook URL')
  if (secrets.length > 1 && secrets.length !== urls.length)
    throw new Error(`give one --webhook-secret for every --webhook, or one per --webhook (${urls.length})`)
  for (const s of secrets)
    if (!isSigningSecret(s)) throw new Error('--webhook-secret must be whsec_ followed by base64 (as Clerk shows it)')
  return urls.map((raw, i) => {
    const hash = raw.indexOf('#')
    const url = hash >= 0 ? raw.slice(0, hash) : raw
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new Error(`--webhook: "${url}" is not a URL`)
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new Error(`--webhook: "${url}" must be an http(s) URL`)
    const events =
      hash >= 0
        ? raw
            .slice(hash + 1)
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined
    return {url, secret: secrets.length === 1 ? secrets[0] : secrets[i], events}
  })
}

export function retrySchedule(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined
  if (text.trim() === 'none' || text.trim() === '') return []
  return text.split(',').map((s) => parseDuration(s))
}
