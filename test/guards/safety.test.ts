/**
 * The safety rules cannot be forgotten by a new command: every command declares what it does
 * (`static safety`), the base command enforces --dry-run and confirmation for whatever it declared
 * (src/lib/oclif/command.ts, through the shared client's write guard), and every argument that can end up
 * in a URL path is an id argument (src/lib/oclif/id-args.ts) checked against its resource's id form.
 * The behaviour itself is proved per command in test/safety/.
 */
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'
import {manifestCommands} from '../safety/cases.js'

const SAFETY = ['read', 'write', 'destructive']
/** commands that are not BAPI commands (no client, no shared base) */
const NOT_CLERK_COMMANDS = new Set(['emulator:start'])
/** verbs that take something away: a command named with one must be declared destructive */
const DESTRUCTIVE_VERB = /(^|:)(delete|remove|revoke|revoke-sessions|ban|lock|set-role|reject)$/
/** named so, but local only: `config remove` forgets a profile on this machine (no BAPI request) */
const LOCAL_ONLY = new Set(['config:remove'])
/** arguments that are free text, never a path segment (or only after a lookup that yields the id) */
const FREE_TEXT_ARGS = new Set([
  'allowlist:add identifier',
  'blocklist:add identifier',
  'api method_or_path', // `clerk api` checks its path against the spec; the client refuses dot segments
  'api path',
  'api:ls filter',
  'completion shell',
  'config:get key',
  'config:set key',
  'config:set value',
  'config:remove name',
  'config:use name',
  'domains:add name', // a domain name, sent in the body
  'instance:apply file', // a local settings file
  'instance:diff file',
  'orgs:domains:add domain', // a domain name, sent in the body
  'orgs:members:set-role role',
  'users:emails:add value', // the address to add goes in the body, never in a path
  'users:phones:add value',
  'webhooks:trigger event', // an event type (checked against the known list); sent to your own URL, not BAPI
  'redirect-urls:create url',
  'token:decode token',
  'token:verify token',
  'users:import file',
  'waitlist:add email',
])

const commands = manifestCommands()

async function load(id: string, relativePath: string[]) {
  const mod = await import(pathToFileURL(join(ROOT, ...relativePath)).href)
  return mod.default as {safety?: string; args?: Record<string, {idKind?: string}>; prototype: object}
}

describe('command safety declarations', () => {
  it('every command declares static safety = read | write | destructive', () => {
    const missing = commands
      .filter((c) => !NOT_CLERK_COMMANDS.has(c.id) && !SAFETY.includes(String(c.safety)))
      .map((c) => c.id)
    expect(missing).toEqual([])
  })

  it('a command named delete/remove/revoke/ban/lock/set-role/reject is declared destructive', () => {
    expect(
      commands
        .filter((c) => DESTRUCTIVE_VERB.test(c.id) && !LOCAL_ONLY.has(c.id) && c.safety !== 'destructive')
        .map((c) => c.id),
    ).toEqual([])
  })

  it('a destructive command has --yes (the confirmation needs it without a terminal)', () => {
    expect(commands.filter((c) => c.safety === 'destructive' && !c.flags.yes).map((c) => c.id)).toEqual([])
  })

  it('a command offering --dry-run or --validate-only is not read-only, and goes through the base command', async () => {
    const {ClerkCommand} = await import(pathToFileURL(join(ROOT, 'dist/lib/oclif/command.js')).href)
    const bad: string[] = []
    for (const c of commands) {
      if (!c.flags['dry-run'] && !c.flags['validate-only']) continue
      const cls = await load(c.id, (c as unknown as {relativePath: string[]}).relativePath)
      if (c.safety === 'read' || !(cls.prototype instanceof ClerkCommand)) bad.push(c.id)
    }
    expect(bad).toEqual([])
  })

  it('every argument is an id argument (checked against its resource id form) or known free text', async () => {
    const bad: string[] = []
    for (const c of commands) {
      if (NOT_CLERK_COMMANDS.has(c.id)) continue
      const cls = await load(c.id, (c as unknown as {relativePath: string[]}).relativePath)
      for (const [name, arg] of Object.entries(cls.args ?? {})) {
        if (!arg.idKind && !FREE_TEXT_ARGS.has(`${c.id} ${name}`)) bad.push(`${c.id} ${name}`)
      }
    }
    expect(bad).toEqual([])
  })
})
