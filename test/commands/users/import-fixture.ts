/** A users CSV with awkward quoting: BOM, CRLF, quoted commas, doubled quotes, embedded newlines, JSON metadata, unicode. */
import {writeFileSync} from 'node:fs'

export function awkwardCsv(path: string, n: number, options: {invalidEvery?: number} = {}): void {
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`
  const lines = ['External Id,Email Address,first_name,last_name,password,public_metadata']
  for (let i = 1; i <= n; i++) {
    const email =
      options.invalidEvery && i % options.invalidEvery === 0 ? `broken${i}.example.com` : `user${i}@example.com`
    const first = i % 3 === 0 ? q(`Zoë "Z", ${i}`) : i % 3 === 1 ? `Ann${i}` : q(`Line\r\nBreak ${i}`)
    const meta = q(JSON.stringify({plan: i % 2 ? 'pro' : 'free', tags: ['a,b', `"q${i}"`], n: i}))
    lines.push([`ext-${i}`, email, first, q(`O'Brien, ${i}`), `pass-word-${i}!`, meta].join(','))
  }
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`)
}
