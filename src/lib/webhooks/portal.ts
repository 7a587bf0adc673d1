/** `webhooks portal`: POST /v1/webhooks/svix_url (a one-time Svix dashboard link) through the shared client. */
import {spawn} from 'node:child_process'

import type {Client} from '../http/client.js'

export async function svixDashboardUrl(client: Client): Promise<string> {
  const res = await client.request<{svix_url: string}>('POST', '/webhooks/svix_url')
  return res.svix_url
}

/** Open a URL in the default browser (detached; failures are the caller's to report). */
export function openInBrowser(url: string): Promise<void> {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]]
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args as string[], {stdio: 'ignore', detached: true})
    child.once('error', reject)
    child.once('spawn', () => {
      child.unref()
      resolve()
    })
  })
}
