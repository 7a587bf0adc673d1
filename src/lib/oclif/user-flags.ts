/**
 * Flag definitions shared by the users commands: the list/count filters (one definition, one mapping
 * to BAPI's query), the ways to name one user, and --yes.
 */
import {Flags} from '@oclif/core'

import {usageError} from '../util/errors.js'
import {idArg} from './id-args.js'
import type {UserFilter} from '../resources/users/users.js'

/** Filters of GET /v1/users and /v1/users/count (`users list`, `users count`, and bulk --where). */
export const userFilterFlags = {
  email: Flags.string({
    multiple: true,
    delimiter: ',',
    description: 'only users with this email address (repeatable, or comma-separated)',
  }),
  'user-id': Flags.string({
    multiple: true,
    delimiter: ',',
    description: 'only these user ids (repeatable, or comma-separated)',
  }),
  'external-id': Flags.string({
    multiple: true,
    delimiter: ',',
    description: 'only these external ids (repeatable, or comma-separated)',
  }),
  phone: Flags.string({
    multiple: true,
    delimiter: ',',
    description: 'only users with this phone number (repeatable, or comma-separated)',
  }),
  username: Flags.string({
    multiple: true,
    delimiter: ',',
    description: 'only these usernames (repeatable, or comma-separated)',
  }),
  query: Flags.string({char: 'q', description: 'search email, phone, username, names and ids'}),
  banned: Flags.boolean({allowNo: true, description: 'only banned users (--no-banned: only users not banned)'}),
  'created-after': Flags.string({description: 'only users created after this time (ISO 8601 or epoch ms)'}),
  'created-before': Flags.string({description: 'only users created before this time (ISO 8601 or epoch ms)'}),
  'last-sign-in-after': Flags.string({description: 'only users who last signed in after this time'}),
  'last-sign-in-before': Flags.string({description: 'only users who last signed in before this time'}),
}

export interface UserFilterFlagValues {
  email?: string[]
  'user-id'?: string[]
  'external-id'?: string[]
  phone?: string[]
  username?: string[]
  query?: string
  banned?: boolean
  'created-after'?: string
  'created-before'?: string
  'last-sign-in-after'?: string
  'last-sign-in-before'?: string
}

/** `2026-01-31`, `2026-01-31T10:00:00Z` or epoch milliseconds -> epoch ms (BAPI's unit); usage error otherwise. */
export function parseTime(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value)
  if (!Number.isFinite(ms))
    throw usageError(
      `--${flag}: "${value}" is not a date/time`,
      'use ISO 8601 (2026-01-31T10:00:00Z) or epoch milliseconds',
    )
  return ms
}

/**
 * A filter that takes ids only (`--user-id`): an email address there is a usage error saying what to use
 * instead, rather than a filter that silently matches nothing.
 */
export function idsOnly(flag: string, values: string[] | undefined, instead: string): string[] | undefined {
  const email = values?.find((v) => v.includes('@'))
  if (email) throw usageError(`--${flag} takes user ids (user_...), not an email address (${email})`, instead)
  return values
}

/** The BAPI query for the filter flags. */
export function userFilterFrom(f: UserFilterFlagValues): UserFilter {
  return {
    email_address: f.email,
    user_id: idsOnly('user-id', f['user-id'], 'filter by address with --email'),
    external_id: f['external-id'],
    phone_number: f.phone,
    username: f.username,
    query: f.query,
    banned: f.banned === undefined ? undefined : String(f.banned),
    created_at_after: parseTime(f['created-after'], 'created-after'),
    created_at_before: parseTime(f['created-before'], 'created-before'),
    last_sign_in_at_after: parseTime(f['last-sign-in-after'], 'last-sign-in-after'),
    last_sign_in_at_before: parseTime(f['last-sign-in-before'], 'last-sign-in-before'),
  }
}

/**
 * --filter: a jq expression evaluated locally on each user BAPI returned (after the server-side filters);
 * the user is kept when it yields true (any truthy result, as jq's `select`).
 */
export const jqFilterFlag = {
  filter: Flags.string({
    description:
      'keep only users for which this jq expression is true, checked locally after the server-side filters, e.g. \'.public_metadata.plan == "trial"\'',
  }),
}

/** A compiled --filter (checked before any request) and its counts, for a stream of users. */
export async function localFilter(source: string) {
  const {JqFilter, filterRows} = await import('../output/jq.js')
  const filter = await JqFilter.compile(source)
  const counts = {scanned: 0, matched: 0}
  return {
    filter,
    counts,
    rows: <T>(rows: AsyncIterable<T> | Iterable<T>) => filterRows(rows, filter, counts),
    summary: () => `--filter matched ${counts.matched} of the ${counts.scanned} users scanned`,
  }
}

/** One user: the USER_ID argument, or --email / --external-id (resolved with one lookup). */
export const userRefArgs = {
  id: idArg('user', {
    required: false,
    email: true,
    description: 'user id (user_...) or email address; or use --email / --external-id',
  }),
}
export const userRefFlags = {
  email: Flags.string({
    description: 'the user with this email address (instead of USER_ID)',
    exclusive: ['external-id'],
  }),
  'external-id': Flags.string({
    description: 'the user with this external id (instead of USER_ID)',
    exclusive: ['email'],
  }),
}

export const yesFlag = {
  yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation (required without a terminal)'}),
}
