import type {Command, Interfaces} from '@oclif/core'

type Config = Interfaces.Config

/**
 * The command surface as data (`clerk commands --json`, `clerk <command> --help --json`), built from the
 * loaded oclif manifest so it cannot drift from the commands themselves.
 */
export interface SurfaceFlag {
  name: string
  char?: string
  type: 'boolean' | 'option'
  description?: string
  required: boolean
  multiple: boolean
  default?: unknown
  options?: string[]
  global: boolean
}

export interface SurfaceCommand {
  /** as people type it: `users ban` */
  id: string
  aliases: string[]
  summary?: string
  description?: string
  args: Array<{name: string; description?: string; required: boolean; options?: string[]}>
  flags: SurfaceFlag[]
  examples: string[]
  /** BAPI operations its description names (`METHOD /v1/path`), e.g. "POST /v1/users/{user_id}/ban" */
  endpoints: string[]
  /** whether it can change data (a non-GET endpoint, or a --yes / --dry-run flag) */
  writes: boolean
  exitCodes: Record<string, string>
}

const METHODS = 'GET|POST|PUT|PATCH|DELETE'
// "PATCH /v1/x", "GET then PATCH /v1/x", "POST/DELETE /v1/x" (the same reading as scripts/coverage.js)
const MENTION = new RegExp(
  `((?:${METHODS})(?:\\s*(?:then|or|and|,|/)\\s*(?:${METHODS}))*)\\s+((?:/v1)?/[\\w{}/|.-]+)`,
  'g',
)

/** Every `METHOD /v1/path` named in a text; `/users/ban|unban` gives one path per alternative. */
export function endpointsIn(text: string): string[] {
  const found = new Set<string>()
  for (const m of text.matchAll(MENTION)) {
    const methods = m[1].match(new RegExp(METHODS, 'g')) ?? []
    const raw = m[2].replace(/[.,)`]+$/, '')
    const path = raw.startsWith('/v1/') ? raw : `/v1${raw}`
    const cut = path.lastIndexOf('/')
    const alternatives = path.slice(cut + 1).split('|')
    for (const method of methods) for (const alt of alternatives) found.add(`${method} ${path.slice(0, cut + 1)}${alt}`)
  }
  return [...found]
}

const EXIT = {
  '0': 'ok',
  '1': 'failure (API error, network error)',
  '2': 'usage error or bad input; also a write refused for want of --yes',
  '3': 'unauthenticated (no key, or the key was rejected)',
  '4': 'forbidden',
  '5': 'partial: some items of a bulk job failed',
  '130': 'interrupted',
}

const render = (text: string | undefined, bin: string) => text?.replaceAll('<%= config.bin %>', bin)

export function describeCommand(c: Command.Loadable, config: Config): SurfaceCommand {
  const bin = config.bin
  const flags = Object.values(c.flags ?? {})
    .filter((f) => !f.hidden)
    .map((f): SurfaceFlag => {
      const flag: SurfaceFlag = {
        name: f.name,
        type: f.type,
        required: Boolean(f.required),
        multiple: f.type === 'option' && Boolean(f.multiple),
        global: f.helpGroup === 'GLOBAL',
      }
      if (f.char) flag.char = f.char
      if (f.summary ?? f.description) flag.description = f.summary ?? f.description
      if (f.default !== undefined && typeof f.default !== 'function') flag.default = f.default
      if (f.type === 'option' && f.options?.length) flag.options = [...f.options]
      return flag
    })
  const text = `${c.summary ?? ''} ${c.description ?? ''}`
  const endpoints = c.id === 'api' || c.id.startsWith('api:') ? [] : endpointsIn(text)
  const names = new Set(flags.map((f) => f.name))
  const exitCodes: Record<string, string> = {...EXIT}
  if (!names.has('api-url')) for (const code of ['3', '4']) delete exitCodes[code] // no BAPI key involved
  if (!names.has('resume') && !names.has('journal')) delete exitCodes['5']
  const examples = (c.examples ?? []).map((e) => (typeof e === 'string' ? e : e.command))
  return {
    id: c.id.replaceAll(':', ' '),
    aliases: (c.aliases ?? []).map((a) => a.replaceAll(':', ' ')),
    summary: render(c.summary, bin),
    description: render(c.description, bin),
    args: Object.values(c.args ?? {}).map((a) => ({
      name: a.name,
      description: a.description,
      required: Boolean(a.required),
      ...(a.options?.length ? {options: [...a.options]} : {}),
    })),
    flags,
    examples: examples.map((e) => render(e, bin) ?? e),
    endpoints,
    writes: endpoints.some((e) => !e.startsWith('GET ')) || names.has('yes') || names.has('dry-run'),
    exitCodes,
  }
}

/** Every visible command of the manifest, sorted by id. */
export function commandSurface(config: Config): SurfaceCommand[] {
  return config.commands
    .filter((c) => !c.hidden)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((c) => describeCommand(c, config))
}
