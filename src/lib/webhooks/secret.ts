/** Webhook signing secrets: `whsec_` + base64 (Svix's format, as the Clerk Dashboard shows it). */
import {CliError, ExitCode, usageError} from '../util/errors.js'

export const SECRET_ENV = 'CLERK_WEBHOOK_SIGNING_SECRET'

export function isSigningSecret(secret: string): boolean {
  return /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret) && Buffer.from(secret.slice(6), 'base64').length > 0
}

/** --secret, else CLERK_WEBHOOK_SIGNING_SECRET; missing is a usage error. */
export function resolveSecret(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const secret = flag ?? env[SECRET_ENV]
  if (!secret) throw usageError('no webhook signing secret', `pass --secret whsec_… or set ${SECRET_ENV}`)
  return secret.trim()
}

/** For signing (trigger): the secret must be well-formed, or nothing is sent. */
export function requireSigningSecret(secret: string): string {
  if (!isSigningSecret(secret))
    throw new CliError('wrong secret format: expected whsec_ followed by base64', ExitCode.USAGE, {
      hint: "copy the endpoint's Signing Secret from the Clerk Dashboard (Webhooks > endpoint)",
    })
  return secret
}
