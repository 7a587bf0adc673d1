/**
 * A 404 from BAPI says only "Resource not found". The path says what was not found: the kind and the id
 * (`GET /v1/users/user_nope` -> `no user with id user_nope`).
 */
const KINDS: Record<string, string> = {
  users: 'user',
  organizations: 'organization',
  memberships: 'membership',
  invitations: 'invitation',
  sessions: 'session',
  clients: 'client',
  jwt_templates: 'JWT template',
  redirect_urls: 'redirect URL',
  allowlist_identifiers: 'allowlist identifier',
  blocklist_identifiers: 'blocklist identifier',
  domains: 'domain',
  actor_tokens: 'actor token',
  sign_in_tokens: 'sign-in token',
  waitlist_entries: 'waitlist entry',
  email_addresses: 'email address',
  phone_numbers: 'phone number',
  organization_domains: 'organization domain',
}

/** The words for a 404 on `path` (relative to the API version, query allowed), or undefined when unknown. */
export function notFoundMessage(path: string): string | undefined {
  const segs = path
    .replace(/[?#].*$/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s))
  // pairs of (collection, id): /organizations/org_1/memberships/user_2 -> [[organizations, org_1], [memberships, user_2]]
  const pairs: Array<[string, string]> = []
  for (let i = 0; i + 1 < segs.length; i += 2) {
    if (!KINDS[segs[i]]) break
    pairs.push([segs[i], segs[i + 1]])
  }
  if (pairs.length === 0) return undefined
  const idWord = (collection: string, id: string) =>
    collection === 'organizations' && !id.startsWith('org_') ? `slug ${id}` : `id ${id}`
  const [kind, id] = pairs.at(-1)!
  if (pairs.length === 1) return `no ${KINDS[kind]} with ${idWord(kind, id)}`
  const [parentKind, parentId] = pairs.at(-2)!
  return `no ${KINDS[kind]} with ${idWord(kind, id)} in ${KINDS[parentKind]} ${parentId} (or no such ${KINDS[parentKind]})`
}
