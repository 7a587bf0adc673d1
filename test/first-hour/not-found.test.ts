/**
 * 404s name the kind and the id; a user is named the same way (id or email address) everywhere one is
 * taken, and a flag that takes ids only says so when given an address.
 */
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

/** a fresh user with a known address (commands below ban, lock and delete them) */
async function user(tag: string): Promise<{id: string; email: string}> {
  const email = `${tag}-${Date.now()}@example.com`
  const u = await t.json(['users', 'create', '--email', email])
  return {id: u.id, email}
}

// Clerk's own words are kept where it names the thing ("No user was found with id …"); a bare
// "Resource not found" gets the kind and id from the path
describe('404s name the kind and the id', () => {
  it('for every kind of thing a command fetches by id', async () => {
    for (const [args, kind, id] of [
      [['users', 'get', 'user_nope'], 'user', 'user_nope'],
      [['users', 'update', 'user_nope', '--first-name', 'X'], 'user', 'user_nope'],
      [['users', 'ban', 'user_nope', '--yes'], 'user', 'user_nope'],
      [['orgs', 'get', 'org_nope'], 'organization', 'org_nope'],
      [['orgs', 'members', 'list', 'no-such-slug'], 'organization', 'no-such-slug'],
      [['sessions', 'get', 'sess_nope'], 'session', 'sess_nope'],
      [['jwt-templates', 'get', 'jtmp_nope'], 'JWT template', 'jtmp_nope'],
    ] as const) {
      const r = await t.fails(1, [...args])
      const first = r.stderr.split('\n')[0]
      expect(first).toMatch(new RegExp(`^Error: no ${kind}\\b[^(]*\\b${id}\\b`, 'i'))
      expect(first).toMatch(/\(HTTP 404( resource_not_found)?/)
      expect(r.stderr).not.toContain('Resource not found')
    }
  })
})

describe('a user is named by id or email address everywhere', () => {
  it('every users command that takes USER_ID takes an email address there too', async () => {
    const cases: Array<[string, string[]]> = [
      ['get', []],
      ['sessions', []],
      ['update', ['--first-name', 'Ada']],
      ['metadata', ['--public', '{"plan":"pro"}', '--dry-run']],
      ['ban', ['--yes']],
      ['unban', []],
      ['lock', ['--yes']],
      ['unlock', []],
      ['revoke-sessions', ['--yes']],
      ['delete', ['--yes']],
    ]
    const u = await user('naming')
    for (const [command, rest] of cases) {
      const since = t.mark()
      const r = await t.run(['users', command, u.email, ...rest, '-o', 'json'])
      expect(r.code, `users ${command} ${u.email}: ${r.stderr}`).toBe(0)
      const reqs = since()
      // one lookup by address, then the request about that user's id (never the address as an id)
      expect(reqs[0].path).toBe('/v1/users')
      expect(reqs[0].query.email_address).toEqual(u.email)
      // (get and a dry run need nothing more: the lookup already fetched the user)
      for (const q of reqs.slice(1))
        expect(q.path.startsWith(`/v1/users/${u.id}`) || q.query.user_id === u.id).toBe(true)
      expect(reqs.some((q) => q.path.includes('%40') || q.path.includes('@'))).toBe(false)
    }
    const gone = await t.fails(1, ['users', 'get', 'nobody@example.com'])
    expect(gone.stderr).toMatch(/^Error: no user with email address nobody@example\.com/m)
  })

  it('--user, --created-by take an email address too', async () => {
    const u = await user('flags')
    const token = await t.json(['sign-in-tokens', 'create', '--user', u.email])
    expect(token.user_id).toBe(u.id)
    const actor = await t.json(['actor-tokens', 'create', '--user', u.email, '--actor', u.id])
    expect(actor.user_id).toBe(u.id)
    await t.json(['sessions', 'list', '--user', u.email])
    const org = await t.json(['orgs', 'create', '--name', 'Naming', '--created-by', u.email])
    expect(org.created_by).toBe(u.id)
  })

  it('a filter that takes ids only says so when given an address, and sends nothing', async () => {
    for (const command of [
      ['users', 'list'],
      ['orgs', 'list'],
    ]) {
      const since = t.mark()
      const r = await t.usage([...command, '--user-id', 'ada@example.com'])
      expect(r.stderr).toMatch(
        /^Error: --user-id takes user ids \(user_\.\.\.\), not an email address \(ada@example\.com\)/m,
      )
      expect(since()).toEqual([])
    }
  })
})
