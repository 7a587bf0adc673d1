/**
 * `clerk token verify --batch`: one token per stdin line -> one NDJSON result per line, in order.
 * Session tokens take the fast path (fast.ts: key imported once, JWKS fetched once); the rest go through
 * authenticateRequest like a single verify.
 */
import type {Client} from '../http/client.js'
import {out} from '../output/writer.js'
import type {JqProgram} from '../output/jq.js'
import {createFastVerifier} from './fast.js'
import type {VerifyKeys} from './keys.js'
import {batchExitCode, exitCodeFor, type VerifyOptions} from './result.js'
import {unverifiable, verifyWithSdk} from './verify.js'

export interface BatchSummary {
  tokens: number
  valid: number
  exitCode: number
}

export async function verifyBatch(
  client: Client,
  keys: VerifyKeys,
  options: VerifyOptions,
  batches: AsyncIterable<Array<{line: number; token: string}>>,
  /** --jq: each batch's results (objects with their `line`) through it instead of NDJSON */
  jq?: JqProgram,
): Promise<BatchSummary> {
  client.prepareSdk() // the fast path imports @clerk/backend/internal
  const fast = await createFastVerifier(options, {
    key: keys.jwtKey,
    fetchJwks: () => client.request('GET', '/jwks'),
    context: {secretKey: keys.config.secretKey, apiUrl: keys.config.apiUrl, apiVersion: keys.config.apiVersion},
  })
  const codes = new Set<number>()
  let tokens = 0
  let valid = 0
  let buffer = ''
  const slurped: unknown[] = []
  for await (const lines of batches) {
    const results: unknown[] = jq?.options.slurp ? slurped : []
    for (const {line, token} of lines) {
      let result = unverifiable(token, keys) ?? fast(token)
      if (result instanceof Promise) result = await result
      result ??= await verifyWithSdk(await client.sdk(), token, options)
      tokens++
      if (result.valid) valid++
      codes.add(exitCodeFor(result))
      if (jq) results.push({line, ...result})
      else buffer += `{"line":${line},${JSON.stringify(result).slice(1)}\n`
    }
    if (jq && !jq.options.slurp) {
      const r = jq.run(results)
      if (r.text) await out(r.text)
      if (r.error) throw r.error
    }
    if (buffer.length > 65_536) {
      await out(buffer)
      buffer = ''
    }
  }
  if (buffer) await out(buffer)
  if (jq?.options.slurp) {
    const r = jq.run(slurped, true)
    if (r.text) await out(r.text)
    if (r.error) throw r.error
  }
  return {tokens, valid, exitCode: tokens === 0 ? 3 : batchExitCode(codes)}
}
