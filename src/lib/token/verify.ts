/**
 * `clerk token verify` through @clerk/backend: a Request with `Authorization: Bearer <token>` into the shared
 * client's authenticateRequest, exactly what a backend does, then `toAuth()` and `has()`.
 */
import type {ClerkClient} from '@clerk/backend'

import {CliError, ExitCode} from '../util/errors.js'
import {fromAuth, fromSignedOut, signedOutResult, type TokenResult, type VerifyOptions} from './result.js'

/** A URL for the synthetic request; only its origin matters to the SDK (for cookies and redirects, unused here). */
const REQUEST_URL = 'https://clerk-admin.invalid/'
const MACHINE_PREFIXES = ['ak_', 'mt_', 'oat_']

export const isOpaqueMachineToken = (token: string) => MACHINE_PREFIXES.some((p) => token.startsWith(p))

/** Why a token cannot be verified in this mode (offline has no BAPI), or undefined. */
export function unverifiable(token: string, mode: {offline: boolean; hasSecretKey: boolean}): TokenResult | undefined {
  if (token === '') return signedOutResult('session-token-missing', 'no token given (empty input)')
  if (!isOpaqueMachineToken(token)) return undefined
  if (mode.offline) {
    return signedOutResult(
      'machine-token-offline',
      'ak_, mt_ and oat_ tokens are verified by BAPI; offline (--jwt-key) makes no requests',
      null,
    )
  }
  return undefined
}

export async function verifyWithSdk(clerk: ClerkClient, token: string, options: VerifyOptions): Promise<TokenResult> {
  const request = new Request(REQUEST_URL, {headers: {authorization: `Bearer ${token}`}})
  let state
  try {
    state = await clerk.authenticateRequest(request, {
      acceptsToken: options.acceptsToken,
      authorizedParties: options.authorizedParties?.length ? options.authorizedParties : undefined,
      audience: options.audience?.length ? options.audience : undefined,
      clockSkewInMs: options.clockSkewInMs,
    })
  } catch (error) {
    // the SDK throws only on configuration problems (keys), never for a bad token
    throw new CliError(`cannot verify: ${(error as Error).message.split('\n')[0]}`, ExitCode.USAGE)
  }
  if (!state.isAuthenticated) return fromSignedOut(state.reason, state.message, state.tokenType)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const auth = (state.toAuth as (o?: {treatPendingAsSignedOut?: boolean}) => any)({
    treatPendingAsSignedOut: !options.allowPending,
  })
  return fromAuth(auth, options)
}
