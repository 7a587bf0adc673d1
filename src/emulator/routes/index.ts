/** Every BAPI resource the emulator serves: one line per routes/<resource>.ts file. */
import type {Router} from '../router.js'
import {registerJwks} from './jwks.js'
import {registerSessions} from './sessions.js'
import {registerUsers} from './users.js'

export const resources: ((r: Router) => void)[] = [
  registerJwks,
  registerUsers,
  registerSessions,
]

export function registerAll(r: Router): Router {
  for (const register of resources) register(r)
  return r
}
