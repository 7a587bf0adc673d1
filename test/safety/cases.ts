/**
 * One sample invocation per command the safety rules cover, keyed by command id. The tests loop over the
 * manifest and fail when a covered command has no case here, so a new destructive or --dry-run command
 * cannot slip past them: add its case.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {ROOT} from '../helpers/cli.js'
import type {Fixtures} from './fixtures.js'

export interface ManifestCommand {
  id: string
  safety?: string
  args: Record<string, {name: string; required?: boolean}>
  flags: Record<string, {name: string; type: string; char?: string; options?: string[]; multiple?: boolean}>
}

export function manifestCommands(): ManifestCommand[] {
  const m = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8'))
  return Object.values(m.commands as Record<string, ManifestCommand>).sort((a, b) => a.id.localeCompare(b.id))
}

/** The destructive machine-identity commands (they offer --dry-run too). */
const MACHINE_CASES: Record<string, (f: Fixtures) => string[]> = {
  'api-keys:revoke': (f) => ['api-keys', 'revoke', f.apiKey],
  'm2m-tokens:revoke': (f) => ['m2m-tokens', 'revoke', f.m2mToken],
  'machines:delete': (f) => ['machines', 'delete', f.machine],
  'machines:rotate-secret': (f) => ['machines', 'rotate-secret', f.machine],
  'machines:scopes:remove': (f) => ['machines', 'scopes', 'remove', f.machine, f.machine2],
}

/** Single mode of every destructive command: the argv that would act (the tests add or leave out --yes). */
export const DESTRUCTIVE: Record<string, (f: Fixtures) => string[]> = {
  'actor-tokens:revoke': (f) => ['actor-tokens', 'revoke', f.actorToken],
  'allowlist:remove': (f) => ['allowlist', 'remove', f.allowlist],
  'blocklist:remove': (f) => ['blocklist', 'remove', f.blocklist],
  'invitations:revoke': (f) => ['invitations', 'revoke', f.invitation],
  'jwt-templates:delete': (f) => ['jwt-templates', 'delete', f.jwtTemplate],
  'orgs:delete': (f) => ['orgs', 'delete', f.org],
  'orgs:invitations:revoke': (f) => ['orgs', 'invitations', 'revoke', f.org, f.orgInvitation],
  'orgs:members:remove': (f) => ['orgs', 'members', 'remove', f.org, f.member],
  'orgs:members:set-role': (f) => ['orgs', 'members', 'set-role', f.org, f.member, 'org:admin'],
  'redirect-urls:delete': (f) => ['redirect-urls', 'delete', f.redirectUrl],
  'sessions:revoke': (f) => ['sessions', 'revoke', f.session],
  'sign-in-tokens:revoke': (f) => ['sign-in-tokens', 'revoke', f.signInToken],
  'users:ban': (f) => ['users', 'ban', f.user],
  'users:delete': (f) => ['users', 'delete', f.user],
  'users:lock': (f) => ['users', 'lock', f.user],
  'users:revoke-sessions': (f) => ['users', 'revoke-sessions', f.sessionUser],
  'waitlist:reject': (f) => ['waitlist', 'reject', f.waitlistEntry],
  'orgs:permissions:delete': (f) => ['orgs', 'permissions', 'delete', f.permissionKey],
  'orgs:roles:delete': (f) => ['orgs', 'roles', 'delete', f.roleKey],
  'orgs:roles:remove-permission': (f) => ['orgs', 'roles', 'remove-permission', f.roleKey, f.permissionKey],
  'users:emails:remove': (f) => ['users', 'emails', 'remove', f.secureUser, f.extraEmail],
  'users:phones:remove': (f) => ['users', 'phones', 'remove', f.secureUser, f.extraPhone],
  'users:mfa:disable': (f) => ['users', 'mfa', 'disable', f.secureUser],
  'users:passkeys:remove': (f) => ['users', 'passkeys', 'remove', f.secureUser, f.passkey],
  'users:password:set-compromised': (f) => ['users', 'password', 'set-compromised', f.secureUser],
  'orgs:domains:remove': (f) => ['orgs', 'domains', 'remove', f.orgSlug, f.orgDomain],
  'domains:remove': (f) => ['domains', 'remove', f.satelliteDomain],
  ...MACHINE_CASES,
}

/** File mode of the commands that take --file: the argv and the file's contents. */
export const FILE_MODE: Record<string, (f: Fixtures) => {argv: string[]; file: string; name: string}> = {
  'invitations:create': () => ({
    argv: ['invitations', 'create'],
    name: 'people.csv',
    file: 'email\nfile-a@example.com\n',
  }),
  'invitations:revoke': (f) => ({argv: ['invitations', 'revoke'], name: 'ids.txt', file: `${f.invitation}\n`}),
  'orgs:invite': (f) => ({argv: ['orgs', 'invite', f.org], name: 'people.csv', file: 'email\nfile-b@example.com\n'}),
  'users:ban': (f) => ({argv: ['users', 'ban'], name: 'ids.txt', file: `${f.user}\n`}),
  'users:delete': (f) => ({argv: ['users', 'delete'], name: 'ids.txt', file: `${f.user}\n`}),
  'users:lock': (f) => ({argv: ['users', 'lock'], name: 'ids.txt', file: `${f.user}\n`}),
  'users:unban': (f) => ({argv: ['users', 'unban'], name: 'ids.txt', file: `${f.user}\n`}),
  'users:password:set-compromised': (f) => ({
    argv: ['users', 'password', 'set-compromised'],
    name: 'ids.txt',
    file: `${f.secureUser}\n`,
  }),
  'users:password:unset-compromised': (f) => ({
    argv: ['users', 'password', 'unset-compromised'],
    name: 'ids.txt',
    file: `${f.secureUser}\n`,
  }),
  'users:unlock': (f) => ({argv: ['users', 'unlock'], name: 'ids.txt', file: `${f.user}\n`}),
  'users:metadata': (f) => ({
    argv: ['users', 'metadata'],
    name: 'meta.jsonl',
    file: `${JSON.stringify({id: f.user, public_metadata: {plan: 'pro'}})}\n`,
  }),
  'waitlist:add': () => ({argv: ['waitlist', 'add'], name: 'signups.txt', file: 'file-c@example.com\n'}),
}

/** Single mode of every command that offers --dry-run (and --validate-only): the argv that would act. */
export const DRY_RUN: Record<string, (f: Fixtures) => string[]> = {
  'invitations:create': () => ['invitations', 'create', '--email', 'dry@example.com'],
  'invitations:revoke': (f) => ['invitations', 'revoke', f.invitation],
  'orgs:invite': (f) => ['orgs', 'invite', f.org, '--email', 'dry-org@example.com'],
  'orgs:metadata': (f) => ['orgs', 'metadata', f.org, '--public', '{"plan":"pro"}'],
  'users:ban': (f) => ['users', 'ban', f.user],
  'users:delete': (f) => ['users', 'delete', f.user],
  'users:import': () => ['users', 'import', '-'],
  'users:lock': (f) => ['users', 'lock', f.user],
  'users:metadata': (f) => ['users', 'metadata', f.user, '--public', '{"plan":"pro"}'],
  'users:unban': (f) => ['users', 'unban', f.user],
  'users:password:set-compromised': (f) => ['users', 'password', 'set-compromised', f.secureUser],
  'users:password:unset-compromised': (f) => ['users', 'password', 'unset-compromised', f.secureUser],
  'users:unlock': (f) => ['users', 'unlock', f.user],
  'waitlist:add': () => ['waitlist', 'add', 'dry-wl@example.com'],
  'orgs:domains:remove': (f) => ['orgs', 'domains', 'remove', f.org, f.orgDomain],
  'domains:remove': (f) => ['domains', 'remove', f.satelliteDomain],
  'instance:apply': () => ['instance', 'apply', '-'],
  ...MACHINE_CASES,
}

/** stdin for the cases that read it */
export const DRY_RUN_INPUT: Record<string, string> = {
  'users:import': 'email_address,first_name\ndry-import@example.com,Ada\n',
  'instance:apply': '{"protect": {"rules_enabled": true}, "communication": {"blocked_country_codes": ["KP"]}}',
}
