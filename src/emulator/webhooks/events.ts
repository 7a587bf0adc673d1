/**
 * Store changes -> Clerk webhook events, with the payloads Clerk sends: `data` of user.* is the User the
 * API returns (user.deleted: a DeletedObject, plus external_id when set), organization.* the Organization
 * (deleted: a DeletedObject), organizationMembership.* the membership as the API renders it,
 * organizationInvitation.* the invitation, session.* the Session with its `user`, waitlistEntry.* the entry.
 * Changes with no Clerk event (a session's activity, jwt templates, redirect URLs...) map to nothing.
 * Each event carries `key`: the object it is about; deliveries keep the order of events per key.
 */
import type {Json, Store, StoreChange} from '../store.js'
import {renderMembership} from '../routes/organizations.js'
import {renderOrgInv} from '../routes/invitations.js'

export interface EmulatorEvent {
  type: string
  data: Json
  key: string
}

type Mapper = (change: StoreChange, store: Store) => EmulatorEvent[]

const kind = (c: StoreChange) => (!c.before ? 'created' : !c.after ? 'deleted' : 'updated')
const one = (type: string, data: Json, key: string): EmulatorEvent[] => [{type, data, key}]

const SESSION_ENDINGS = new Set(['ended', 'revoked', 'removed'])

const MAPPERS: Record<string, Mapper> = {
  users(c) {
    const k = kind(c)
    if (k !== 'deleted') return one(`user.${k}`, {...c.after!}, c.after!.id)
    const u = c.before!
    return one(
      'user.deleted',
      {object: 'user', id: u.id, deleted: true, ...(u.external_id ? {external_id: u.external_id} : {})},
      u.id,
    )
  },
  organizations(c) {
    const k = kind(c)
    if (k !== 'deleted') return one(`organization.${k}`, {...c.after!}, c.after!.id)
    const o = c.before!
    return one('organization.deleted', {object: 'organization', id: o.id, slug: o.slug, deleted: true}, o.id)
  },
  organization_memberships(c, store) {
    const m = (c.after ?? c.before)!
    return one(`organizationMembership.${kind(c)}`, renderMembership(store, m), m.id)
  },
  organization_invitations(c, store) {
    const inv = (c.after ?? c.before)!
    if (kind(c) === 'created') return one('organizationInvitation.created', renderOrgInv(store, inv), inv.id)
    if (c.after && c.before && c.after.status !== c.before.status && ['accepted', 'revoked'].includes(c.after.status))
      return one(`organizationInvitation.${c.after.status}`, renderOrgInv(store, c.after), inv.id)
    return []
  },
  sessions(c, store) {
    const s = c.after
    if (!s) return []
    const withUser = () => ({...s, user: store.users.get(s.user_id) ?? null})
    if (!c.before) return one('session.created', withUser(), s.id)
    if (s.status !== c.before.status && SESSION_ENDINGS.has(s.status))
      return one(`session.${s.status}`, withUser(), s.id)
    return []
  },
  waitlist_entries(c) {
    if (!c.after) return []
    return one(`waitlistEntry.${c.before ? 'updated' : 'created'}`, {...c.after}, c.after.id)
  },
}

export function eventsFor(change: StoreChange, store: Store): EmulatorEvent[] {
  return MAPPERS[change.collection]?.(change, store) ?? []
}

/** Every event type the emulator can send (for --webhook filters). */
export const EMULATED_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deleted',
  'organization.created',
  'organization.updated',
  'organization.deleted',
  'organizationMembership.created',
  'organizationMembership.updated',
  'organizationMembership.deleted',
  'organizationInvitation.created',
  'organizationInvitation.accepted',
  'organizationInvitation.revoked',
  'session.created',
  'session.ended',
  'session.revoked',
  'session.removed',
  'waitlistEntry.created',
  'waitlistEntry.updated',
]

/** Clerk's envelope around `data`. */
export function envelope(e: EmulatorEvent, instanceId: string, nowMs = Date.now()): Json {
  return {
    data: e.data,
    event_attributes: {http_request: {client_ip: '127.0.0.1', user_agent: 'clerk-admin emulator'}},
    instance_id: instanceId,
    object: 'event',
    timestamp: nowMs,
    type: e.type,
  }
}
