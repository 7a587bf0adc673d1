/** `clerk mcp serve` as an MCP client starts it: bin/run.js over stdio, with the SDK's own client. */
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'

import {BIN, ROOT, baseEnv} from './cli.js'
import type {Harness} from './harness.js'

/** Start `clerk mcp serve ARGS` against the harness's emulator and connect to it. */
export async function connectMcp(h: Harness, args: string[] = [], extra: Record<string, string> = {}) {
  const env = Object.fromEntries(
    Object.entries(baseEnv(h.env(extra))).filter((e): e is [string, string] => e[1] !== undefined),
  )
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', 'serve', ...args],
    env,
    cwd: ROOT,
    stderr: 'pipe',
  })
  const client = new Client({name: 'clerk-admin-test', version: '0'})
  await client.connect(transport)
  return {client, transport}
}
