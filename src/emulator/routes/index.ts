/** Every BAPI resource the emulator serves: one line per routes/<resource>.ts file. */
import type {Router} from '../router.js'
import {registerInvitations} from './invitations.js'
import {registerJwks} from './jwks.js'
import {registerMemberships} from './memberships.js'
import {registerOrganizations} from './organizations.js'
import {registerSessions} from './sessions.js'
import {registerUsers} from './users.js'

export const resources: ((r: Router) => void)[] = [
  registerJwks,
  registerUsers,
  registerOrganizations,
  registerMemberships,
  registerInvitations,
  registerSessions,
]

export function registerAll(r: Router): Router {
  for (const register of resources) register(r)
  return r
}
