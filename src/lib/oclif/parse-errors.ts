/**
 * oclif's parse errors rewritten as one line that keeps the whole reason: which argument is missing
 * (named as in the usage line), which flag is unknown (and the closest one), which value is out of which
 * range. Everything here is a usage error (exit 2): nothing was sent.
 */
import {Errors} from '@oclif/core'

import {CliError, ExitCode} from '../util/errors.js'
import {didYouMean} from '../util/suggest.js'

interface FlagDef {
  name: string
  char?: string
  type: string
  min?: number
  max?: number
  options?: readonly string[]
  aliases?: string[]
  hidden?: boolean
}

interface ArgDef {
  name: string
  description?: string
}

export interface CommandShape {
  /** the command as users type it: `users list` */
  name: string
  flags: Record<string, FlagDef>
}

/** `users:list` -> `users list` (the way people type it; oclif's ids use colons). */
export const displayId = (id: string | undefined) => (id ?? '').replaceAll(':', ' ')

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replaceAll(/\u001B\[[0-9;]*m/g, '')

/** The lines of an oclif message, without its "See more help" trailer and colours. */
function lines(message: string): string[] {
  return stripAnsi(message)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^See more help with/i.test(l))
}

function range(flag: FlagDef): string | undefined {
  if (flag.min !== undefined && flag.max !== undefined) return `from ${flag.min} to ${flag.max}`
  if (flag.min !== undefined) return `of at least ${flag.min}`
  if (flag.max !== undefined) return `of at most ${flag.max}`
  return undefined
}

function flagNames(shape: CommandShape): string[] {
  const names: string[] = []
  for (const f of Object.values(shape.flags)) {
    if (f.hidden) continue
    names.push(`--${f.name}`)
    if (f.type === 'boolean' && (f as {allowNo?: boolean}).allowNo) names.push(`--no-${f.name}`)
  }
  return names
}

const usage = (message: string, shape: CommandShape, hint?: string) =>
  new CliError(message, ExitCode.USAGE, {hint: hint ?? `see: clerk ${shape.name} --help`})

/** A CliError for an oclif parse error, or undefined when `err` is not one. */
export function explainParseError(err: unknown, shape: CommandShape): CliError | undefined {
  if (err instanceof Errors.CLIError === false && !(err as {oclif?: unknown})?.oclif) {
    // flag parse errors from oclif's integer/option parsers are plain CLIErrors rewritten with "Parsing --x"
    if (!/^Parsing --/.test(String((err as Error)?.message))) return undefined
  }
  const e = err as Error & {args?: ArgDef[]; flags?: string[]}
  const message = String(e.message ?? '')
  const text = lines(message)

  if (/^Missing \d+ required arg/.test(text[0] ?? '') && e.args) {
    const named = e.args.map((a) =>
      a.description ? `${a.name.toUpperCase()} (${a.description})` : a.name.toUpperCase(),
    )
    return usage(`missing required argument${named.length === 1 ? '' : 's'}: ${named.join(', ')}`, shape)
  }
  if (/^Nonexistent flags?:/.test(text[0] ?? '') && e.flags) {
    const unknown = e.flags
    const near = unknown.length === 1 ? didYouMean(unknown[0].replace(/=.*$/, ''), flagNames(shape)) : undefined
    return usage(
      `unknown flag${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} for clerk ${shape.name}`,
      shape,
      near ? `${near} (see: clerk ${shape.name} --help)` : undefined,
    )
  }
  const parsing = /^Parsing --([\w-]+)/.exec(text[0] ?? '')
  if (parsing) {
    const flag = shape.flags[parsing[1]]
    const reason = text.slice(1).join(' ')
    const got = /received:\s*(.*)$/.exec(reason)?.[1]
    if (flag?.type === 'option' && /integer/.test(reason) && range(flag)) {
      return usage(
        `--${flag.name} must be a whole number ${range(flag)}${got === undefined ? '' : ` (got ${got || '""'})`}`,
        shape,
      )
    }
    return usage(`--${parsing[1]}: ${reason.replace(/^./, (c) => c.toLowerCase()) || 'invalid value'}`, shape)
  }
  const option = /^Expected --([\w-]+)=(.*) to be one of: (.*)$/.exec(text[0] ?? '')
  if (option) return usage(`--${option[1]} must be one of: ${option[3]} (got ${option[2] || '""'})`, shape)
  if (/^Unexpected arguments?:/.test(text[0] ?? '')) return usage(text.join(' '), shape)
  if (/^The following errors? occurred:?$/.test(text[0] ?? '')) return usage(text.slice(1).join('; '), shape)
  const exit = (err as {oclif?: {exit?: number}}).oclif?.exit
  if (exit === undefined) return undefined
  return new CliError(text.join(' ') || 'invalid usage', exit === 1 ? ExitCode.USAGE : exit, {
    hint: `see: clerk ${shape.name} --help`,
  })
}
