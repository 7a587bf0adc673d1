import type {Client} from '../http/client.js'
import {instanceKind} from '../config/resolve.js'
import {CliError, ExitCode, usageError} from '../util/errors.js'
import {safetyState} from '../util/safety.js'

/** Whether we may ask: stdin and stderr are terminals, CI is unset, --no-input was not given (see config.ts). */
export interface PromptContext {
  interactive: boolean
  /** --yes: destructive actions proceed without asking */
  yes?: boolean
}

// Prompts draw on stderr: stdout carries data only.
const context = () => ({input: process.stdin, output: process.stderr, clearPromptOnDone: false})

/** Ctrl-C at a prompt is an interruption (exit 130), not a crash. */
function interrupted(error: unknown): never {
  if ((error as Error)?.name === 'ExitPromptError' || (error as Error)?.name === 'AbortPromptError') {
    throw new CliError('cancelled', ExitCode.INTERRUPTED)
  }
  throw error
}

/**
 * Confirm a destructive action: THE confirmation every path goes through (single and file mode alike).
 * Non-interactive: proceeds only with --yes (else exit 2 naming the flag). With a production key the
 * person must type `typed` (e.g. the user id), as a louder confirmation. Under --dry-run nothing will be
 * sent, so nothing is asked. A confirmation is recorded in safetyState: the base command lets a
 * destructive command's changing requests out only after it (src/lib/oclif/command.ts).
 */
export async function confirmDestructive(
  ctx: PromptContext,
  message: string,
  options: {production?: boolean; typed?: string; preview?: Record<string, unknown>} = {},
): Promise<void> {
  if (safetyState.dryRun) return
  if (ctx.yes) {
    safetyState.confirmed = true
    return
  }
  if (!ctx.interactive)
    throw new CliError(`refusing to ${message} without confirmation`, ExitCode.USAGE, {
      hint: 'add --yes to confirm (no terminal to ask at)',
      code: 'confirmation_required',
      preview: {action: message, production: Boolean(options.production), ...options.preview},
    })
  const {confirm, input} = await import('@inquirer/prompts')
  let ok: boolean
  try {
    if (options.production && options.typed) {
      const answer = await input(
        {message: `PRODUCTION instance: ${message}. Type ${options.typed} to confirm:`},
        context(),
      )
      ok = answer.trim() === options.typed
    } else {
      ok = await confirm({message: `${message}?`, default: false}, context())
    }
  } catch (error) {
    interrupted(error)
  }
  if (!ok) throw new CliError('cancelled, nothing was changed', ExitCode.FAILURE)
  safetyState.confirmed = true
}

/** A required value: asked for at a terminal, a usage error naming the flag otherwise. */
export async function promptFor(
  ctx: PromptContext,
  flag: string,
  message: string,
  options: {secret?: boolean; validate?: (value: string) => true | string} = {},
): Promise<string> {
  if (!ctx.interactive) throw usageError(`missing --${flag}`, `pass --${flag} (no terminal to ask at)`)
  const {input, password} = await import('@inquirer/prompts')
  try {
    const validate = options.validate ?? ((v: string) => (v.trim() ? true : `${flag} is required`))
    return options.secret
      ? await password({message, mask: '*', validate}, context())
      : await input({message, validate}, context())
  } catch (error) {
    interrupted(error)
  }
}

/** How a prompt names the instance: its host and profile (the prompt itself says PRODUCTION for sk_live_ keys). */
export function instanceLabel(client: Client): string {
  const host = new URL(client.config.apiUrl).host
  const profile = client.config.profile ? ` (profile ${client.config.profile})` : ''
  return instanceKind(client.config.secretKey) === 'production'
    ? `${host}${profile}`
    : `the development instance ${host}${profile}`
}
