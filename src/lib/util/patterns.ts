/** The shapes of values the CLI checks before sending them: one definition each. */

/** An email address as the importers and the waitlist check it: something@domain.tld, no spaces. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The stricter form invitations check (an invitation email goes out): no brackets, quotes or separators, a TLD of two or more. */
export const INVITE_EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\].]{2,}$/

/** An organization role key: `org:` and a name, e.g. org:admin, org:billing:manager. */
export const ROLE_KEY = /^org:[\w:.-]+$/
