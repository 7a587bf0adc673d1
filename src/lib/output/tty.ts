import {maskSecret} from '../util/mask.js'

/** Colour only on a terminal, never with NO_COLOR; FORCE_COLOR forces it (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true
  return Boolean(stream.isTTY) && env.TERM !== 'dumb'
}

/** The marker shown on stderr before a command changes data on a production instance. */
export function productionMarker(
  cfg: {profile?: string; secretKey?: string},
  stream: NodeJS.WriteStream = process.stderr,
): string {
  const key = cfg.secretKey ? maskSecret(cfg.secretKey) : ''
  const text = `▲ PRODUCTION instance${cfg.profile ? ` (profile ${cfg.profile})` : ''}${key ? ` · key ${key}` : ''} · changing live data`
  return useColor(stream) ? `\u001B[1;31m${text}\u001B[0m` : text
}
