/**
 * One user at a time: find them (id, --email or --external-id), confirm destructive actions, and the
 * BAPI calls behind `clerk users ...`. Bulk modes call the same functions row by row.
 */
import type {Client} from '../../http/client.js'
import {instanceKind} from '../../config/resolve.js'
import {CliError, ExitCode, usageError} from '../../util/errors.js'
import {checkId} from '../../util/ids.js'
import type {MetadataPlan} from '../metadata.js'
import {confirmDestructive, instanceLabel, type PromptContext, promptFor} from '../../output/prompts.js'
import {type BapiUser, primaryEmail} from './users.js'

export interface UserRef {
  id?: string
  email?: string
  externalId?: string
}

/** A resolved user: the id, and the object itself when the lookup already fetched it. */
export interface UserTarget {
  id: string
  user?: BapiUser
}

/** One lookup by email or external id: none -> exit 1, more than one -> exit 2 (name the user by id). */
export async function findUserBy(client: Client, by: 'email' | 'external-id', value: string): Promise<BapiUser> {
  const param = by === 'email' ? 'email_address' : 'external_id'
  const users = await client.request<BapiUser[]>('GET', '/users', {query: {[param]: [value], limit: 2}})
  const what = by === 'email' ? 'email address' : 'external id'
  if (users.length === 0) throw new CliError(`no user with ${what} ${value}`, ExitCode.FAILURE)
  if (users.length > 1) {
    throw usageError(
      `more than one user has ${what} ${value} (${users.map((u) => u.id).join(', ')})`,
      'name the user by USER_ID',
    )
  }
  return users[0]
}

/**
 * The user a command is about. With USER_ID nothing is fetched; --email/--external-id cost one lookup.
 * Neither: asked for at a terminal (an id, or an email address), a usage error otherwise.
 */
export async function resolveUser(client: Client, ref: UserRef, ctx: PromptContext): Promise<UserTarget> {
  const given = [ref.id, ref.email, ref.externalId].filter((v) => v !== undefined).length
  if (given > 1) throw usageError('give USER_ID, --email or --external-id, not several', 'one of them names the user')
  if (ref.id !== undefined) {
    if (!ref.id.trim()) throw usageError('USER_ID is empty')
    // an email address where the id goes names the user as --email does (the same everywhere a user is named)
    if (looksLikeEmail(ref.id)) return asTarget(await findUserBy(client, 'email', ref.id))
    return {id: checkId('user', ref.id)}
  }
  if (ref.email !== undefined) return asTarget(await findUserBy(client, 'email', ref.email))
  if (ref.externalId !== undefined) return asTarget(await findUserBy(client, 'external-id', ref.externalId))
  if (!ctx.interactive)
    throw usageError('missing USER_ID', 'pass a user id, or --email / --external-id (no terminal to ask at)')
  const answer = (await promptFor(ctx, 'id', 'User id (user_...) or email address:')).trim()
  return looksLikeEmail(answer) ? asTarget(await findUserBy(client, 'email', answer)) : {id: checkId('user', answer)}
}

const asTarget = (user: BapiUser): UserTarget => ({id: user.id, user})

/** A user id never holds an `@`; an email address always does. */
export const looksLikeEmail = (value: string) => value.includes('@')

/** A `--user` value: a user id as given, or the id of the user with that email address (one lookup). */
export async function userIdOrEmail(client: Client, who: string): Promise<string> {
  return looksLikeEmail(who) ? (await findUserBy(client, 'email', who)).id : who
}

export const describeUser = (u: BapiUser) => {
  const email = primaryEmail(u)
  return email ? `${u.id} <${email}>` : u.id
}

/** Without a terminal and without --yes a destructive command stops here, before any request (exit 2 naming --yes). */
export async function requireConfirmable(ctx: PromptContext, verb: string, ref: UserRef): Promise<void> {
  if (ctx.yes || ctx.interactive) return
  await confirmDestructive(ctx, `${verb} user ${ref.id ?? ref.email ?? ref.externalId ?? ''}`.trim())
}

/**
 * Confirm `verb` on the user (no-op with --yes; exit 2 without a terminal). At a terminal the prompt names
 * the user (fetched if needed) and the instance; with an sk_live_ key the person must type the user id.
 */
export async function confirmUserAction(
  client: Client,
  ctx: PromptContext,
  verb: string,
  target: UserTarget,
): Promise<void> {
  if (ctx.yes || !ctx.interactive) return confirmDestructive(ctx, `${verb} user ${target.id}`)
  target.user ??= await getUser(client, target.id)
  const production = instanceKind(client.config.secretKey) === 'production'
  await confirmDestructive(ctx, `${verb} user ${describeUser(target.user)} on ${instanceLabel(client)}`, {
    production,
    typed: target.id,
  })
}

const userPath = (id: string, suffix = '') => `/users/${encodeURIComponent(id)}${suffix}`

export const getUser = (client: Client, id: string) => client.request<BapiUser>('GET', userPath(id))

/** The same GET through @clerk/backend (its `.raw` is BAPI's JSON): `users get` keeps the SDK path exercised end to end. */
export async function getUserViaSdk(client: Client, id: string): Promise<BapiUser> {
  try {
    return (await (await client.sdk()).users.getUser(id)).raw as unknown as BapiUser
  } catch (error) {
    // the SDK's 404 says "Resource not found": name the kind and the id, as the raw path does
    const e = error as {status?: number; errors?: Array<{longMessage?: string}>}
    if (e.status === 404 && e.errors?.[0]) e.errors[0] = {...e.errors[0], longMessage: `no user with id ${id}`}
    throw error
  }
}

export const createUser = (client: Client, body: Record<string, unknown>) =>
  client.request<BapiUser>('POST', '/users', {body})

export const updateUser = (client: Client, id: string, body: Record<string, unknown>) =>
  client.request<BapiUser>('PATCH', userPath(id), {body})

export interface DeletedObject {
  object: string
  id: string
  deleted: boolean
}

export const deleteUser = (client: Client, id: string) => client.request<DeletedObject>('DELETE', userPath(id))

export type UserStateAction = 'ban' | 'unban' | 'lock' | 'unlock'

/** POST /users/{id}/ban|unban|lock|unlock: the updated user. */
export const setUserState = (client: Client, id: string, action: UserStateAction) =>
  client.request<BapiUser>('POST', userPath(id, `/${action}`))

/** Send a metadata plan (PATCH merges server-side, PUT replaces the given fields): the updated user. */
export const sendUserMetadata = (client: Client, id: string, plan: MetadataPlan) =>
  client.request<BapiUser>(plan.method, userPath(id, '/metadata'), {body: plan.body})

/** Actions that take something away from the user ask first; the others just run. */
export const DESTRUCTIVE: Record<UserStateAction, boolean> = {ban: true, lock: true, unban: false, unlock: false}

/** The whole single-user state change: resolve, confirm when destructive, send. */
export async function runUserStateAction(
  client: Client,
  ref: UserRef,
  action: UserStateAction,
  ctx: PromptContext,
): Promise<BapiUser> {
  if (DESTRUCTIVE[action]) await requireConfirmable(ctx, action, ref)
  const target = await resolveUser(client, ref, ctx)
  if (DESTRUCTIVE[action]) await confirmUserAction(client, ctx, action, target)
  return setUserState(client, target.id, action)
}

/** Revoke every active session of one user (asks first, naming how many): the revoked sessions. */
export async function revokeUserSessions(client: Client, ref: UserRef, ctx: PromptContext) {
  const {activeSessionsOf, revokeAll} = await import('../sessions.js')
  await requireConfirmable(ctx, 'revoke the sessions of', ref)
  const target = await resolveUser(client, ref, ctx)
  const active = await activeSessionsOf(client, target.id)
  if (active.length === 0) return {target, revoked: []}
  await confirmUserAction(client, ctx, `revoke ${active.length} active session(s) of`, target)
  return {target, revoked: await revokeAll(client, active)}
}
