/** Where a token comes from: the argument, or stdin (`-`, or no argument with a pipe). */
import {usageError} from '../util/errors.js'
import {readStdin} from '../util/stdin.js'

/** Strip what people paste around a token: whitespace, quotes, a `Bearer ` prefix. */
export function cleanToken(text: string): string {
  const t = text.trim()
  if (/^[\w.-]*$/.test(t)) return t
  return text
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/^Bearer\s+/i, '')
    .trim()
}

/** The one token to work on; '' when stdin was empty (verify reports that as "no token", exit 3). */
export async function readToken(arg: string | undefined, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (arg !== undefined && arg !== '-') return cleanToken(arg)
  if (arg === undefined && stdin.isTTY)
    throw usageError('no token', 'pass TOKEN, or pipe one: echo "$TOKEN" | clerk token verify')
  return cleanToken(await readStdin(stdin))
}

/**
 * One token per line from stdin (blank lines skipped), with 1-based line numbers, yielded in arrays (one per
 * chunk read) so a batch of 100k tokens costs one await per chunk, not per line.
 */
export async function* readTokenLines(
  stdin: NodeJS.ReadableStream = process.stdin,
): AsyncGenerator<Array<{line: number; token: string}>> {
  let line = 0
  let rest = ''
  const take = (text: string) => {
    const batch: Array<{line: number; token: string}> = []
    for (const raw of text.split('\n')) {
      line++
      const token = cleanToken(raw)
      if (token) batch.push({line, token})
    }
    return batch
  }
  stdin.setEncoding('utf8')
  for await (const chunk of stdin) {
    const text = rest + (chunk as string)
    const end = text.lastIndexOf('\n')
    if (end < 0) {
      rest = text
      continue
    }
    rest = text.slice(end + 1)
    yield take(text.slice(0, end))
  }
  if (rest.trim()) yield take(rest)
}
