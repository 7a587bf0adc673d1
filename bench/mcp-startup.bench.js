// `clerk mcp serve` start-up to its first tool answer (spawn, MCP initialize, one users_list call) against
// `clerk users list --limit 5 -o json` start-up to its answer, interleaved, against the emulator.
import {join} from 'node:path'

import {BIN, ROOT, cleanEnv, fmt, median, runCli} from './lib.js'

const {startEmulator} = await import(join(ROOT, 'dist', 'emulator', 'server.js'))
const {Client} = await import('@modelcontextprotocol/sdk/client/index.js')
const {StdioClientTransport} = await import('@modelcontextprotocol/sdk/client/stdio.js')
const RUNS = Number(process.env.BENCH_RUNS ?? 7)

const emu = await startEmulator({rateLimit: 'off'})
emu.store.seedUsers(20)
const env = {CLERK_API_URL: emu.url, CLERK_SECRET_KEY: emu.secretKey}
const cli = []
const mcp = []
for (let i = 0; i < RUNS; i++) {
  const r = await runCli(['users', 'list', '--limit', '5', '-o', 'json'], env)
  if (r.code !== 0) throw new Error(`users list failed: ${r.stderr}`)
  cli.push(r.ms)
  const started = performance.now()
  const client = new Client({name: 'bench', version: '0'})
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp', 'serve'],
      env: cleanEnv(env),
      stderr: 'pipe',
    }),
  )
  const answer = await client.callTool({name: 'users_list', arguments: {limit: 5}})
  if (answer.isError) throw new Error(`users_list failed: ${answer.content[0].text}`)
  mcp.push(performance.now() - started)
  await client.close()
}
await emu.stop()
const c = median(cli)
console.log(`clerk users list (start-up to answer)         median ${fmt(c)} ms (${RUNS} runs)`)
console.log(
  `clerk mcp serve (start-up to first tool answer) median ${fmt(median(mcp))} ms = ${fmt(median(mcp) / c, 2)}x`,
)
