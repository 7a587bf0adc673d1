/** Where a token comes from: the argument, or stdin (`-`, or no argument with a pipe). */
import {createInterface} from 'node:readline'

import {usageError} from '../errors.js'

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = ''
  for await (const chunk of stream) text += chunk.toString()
  return text
}

/** Strip what people paste around a token: whitespace, quotes, a `Bearer ` prefix. */
export function cleanToken(text: string): string {
  return text.trim().replace(/^["']|["']$/g, '').replace(/^Bearer\s+/i, '').trim()
}

/** The one token to work on; '' when stdin was empty (verify reports that as "no token", exit 3). */
export async function readToken(arg: string | undefined, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (arg !== undefined && arg !== '-') return cleanToken(arg)
  if (arg === undefined && stdin.isTTY) throw usageError('no token', 'pass TOKEN, or pipe one: echo "$TOKEN" | clerk token verify')
  return cleanToken(await readAll(stdin))
}

/** One token per line from stdin (blank lines skipped), with their 1-based line numbers. */
export async function* readTokenLines(stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<{line: number; token: string}> {
  let line = 0
  for await (const text of createInterface({input: stdin, crlfDelay: Infinity})) {
    line++
    const token = cleanToken(text)
    if (token) yield {line, token}
  }
}
