/** `sk_live_abcdefgh1234` -> `sk_live_****1234`: the only form in which a secret key may be shown. */
export function maskSecret(key: string | undefined): string {
  if (!key) return '(none)'
  const m = /^([a-z]+_(?:live|test)_)/.exec(key)
  const prefix = m ? m[1] : ''
  return `${prefix}****${key.slice(-4)}`
}
