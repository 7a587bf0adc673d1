/** Flags the machine-identity commands share (machines, api-keys, m2m-tokens). */
import {Flags} from '@oclif/core'

import {yesFlag} from './user-flags.js'

/** A destructive machine command: asks first (--yes without a terminal); --dry-run sends nothing. */
export const destructiveFlags = {
  ...yesFlag,
  'dry-run': Flags.boolean({description: 'print the request it would send and send nothing'}),
}

export const reasonFlag = {reason: Flags.string({description: 'revocation reason (kept on the token)'})}

export const expiresInFlag = {
  'expires-in': Flags.integer({
    min: 1,
    description: 'seconds until it expires [default: never (API keys), the machine default TTL (M2M tokens)]',
  }),
}

export const limitFlag = {limit: Flags.integer({min: 1, description: 'show at most this many'})}
