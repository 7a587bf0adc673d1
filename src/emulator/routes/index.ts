/** Every BAPI resource the emulator serves: one line per routes/<resource>.ts file. */
import type {Router} from '../router.js'
import {registerDomains} from './domains.js'
import {registerIdentifiers} from './identifiers.js'
import {registerInstanceSettings} from './instance-settings.js'
import {registerJwks} from './jwks.js'
import {registerMachineTokens} from './machine-tokens.js'
import {registerMachines} from './machines.js'
import {registerApiKeys} from './api-keys.js'
import {registerM2mTokens} from './m2m-tokens.js'
import {registerJwtTemplates} from './jwt-templates.js'
import {registerRedirectUrls} from './redirect-urls.js'
import {registerRoles} from './roles.js'
import {registerTokensAdmin} from './tokens-admin.js'
import {registerInvitations} from './invitations.js'
import {registerMemberships} from './memberships.js'
import {registerOrganizations} from './organizations.js'
import {registerOrganizationDomains} from './organization-domains.js'
import {registerSessions} from './sessions.js'
import {registerUsers} from './users.js'
import {registerUserIdentifiers} from './user-identifiers.js'
import {registerUserSecurity} from './user-security.js'
import {registerWaitlist} from './waitlist.js'

export const resources: ((r: Router) => void)[] = [
  registerJwks,
  registerMachineTokens,
  registerMachines,
  registerApiKeys,
  registerM2mTokens,
  registerUsers,
  registerUserIdentifiers,
  registerUserSecurity,
  registerIdentifiers,
  registerJwtTemplates,
  registerRedirectUrls,
  registerDomains,
  registerTokensAdmin,
  registerWaitlist,
  registerOrganizations,
  registerOrganizationDomains,
  registerInstanceSettings,
  registerRoles,
  registerMemberships,
  registerInvitations,
  registerSessions,
]

export function registerAll(r: Router): Router {
  for (const register of resources) register(r)
  return r
}
