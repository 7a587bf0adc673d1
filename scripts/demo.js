#!/usr/bin/env node
// `npm run demo`: the main job working with no Clerk account. Starts the bundled BAPI emulator with the
// sample users on a free port, lists them through the real CLI (shared client, limiter, HTTP), stops it.
import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const {startEmulator} = await import(join(root, 'dist', 'emulator', 'server.js'))
const emu = await startEmulator({seed: join(root, 'fixtures', 'sample-users.json')})
const env = {...process.env, CLERK_API_URL: emu.url, CLERK_SECRET_KEY: emu.secretKey}
delete env.NODE_ENV
// the emulator runs in this process, so the CLI must run beside it (async), not block it
const run = async (args) => {
  console.log(`\n$ clerk ${args.join(' ')}`)
  await once(spawn(process.execPath, [join(root, 'bin', 'run.js'), ...args], {env, stdio: 'inherit'}), 'close')
}
console.log(`BAPI emulator on ${emu.url} (sample data: fixtures/sample-users.json)`)
await run(['users', 'list', '--limit', '10'])
await run(['users', 'list', '--query', 'acme', '-o', 'csv', '--columns', 'id,email,name'])
await run([
  'users',
  'list',
  '--all',
  '--page-size',
  '10',
  '-o',
  'csv',
  '--columns',
  'id,email,name,created',
  '--verbose',
])
await emu.stop()
