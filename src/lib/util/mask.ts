/** `sk_live_abcdefgh1234` -> `sk_live_****1234`: the only form in which a secret key may be shown. */
export function maskSecret(key: string | undefined): string {
  if (!key) return '(none)'
  const m = /^([a-z]+_(?:live|test)_)/.exec(key)
  const prefix = m ? m[1] : ''
  return `${prefix}****${key.slice(-4)}`
}

/** Replace every occurrence of the secret in `text` by its masked form (defence in depth for error text). */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 8) return text
  return text.split(secret).join(maskSecret(secret))
}
