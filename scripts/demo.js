#!/usr/bin/env node
// `npm run demo`: the main jobs working with no Clerk account, in under a minute. Starts the bundled BAPI
// emulator with the sample users on a free port and runs the real CLI against it (shared client, limiter,
// HTTP): list users, invite people to an organization from a file (plan and per-row report), verify a
// session token the emulator mints (valid, then a permission it lacks: exit 4), and a bulk import that is
// interrupted and resumed. Each step is printed as the command a user would type.
import {spawn} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const {startEmulator} = await import(join(root, 'dist', 'emulator', 'server.js'))
const emu = await startEmulator({seed: join(root, 'fixtures', 'sample-users.json'), rateLimit: 'off'})
const work = mkdtempSync(join(tmpdir(), 'clerk-demo-'))
const env = {
  ...process.env,
  CLERK_API_URL: emu.url,
  CLERK_SECRET_KEY: emu.secretKey,
  CLERK_PUBLISHABLE_KEY: emu.publishableKey,
  CLERK_ADMIN_CONFIG_DIR: work,
}
delete env.NODE_ENV
delete env.CLERK_PROFILE

const started = Date.now()
const bold = (s) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\u001B[1m${s}\u001B[0m` : s)
const step = (title) => console.log(`\n${bold(`# ${title}`)}`)

/**
 * Run `clerk ...args` beside the emulator (it lives in this process, so never block it). `shown` is the
 * command as a person would type it (a token as $TOKEN); `capture` keeps stdout instead of printing it.
 * `interruptAfterMs` sends Ctrl-C (SIGINT) after that long, as a person would.
 */
const quote = (a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)

function clerk(args, {shown, capture = false, interruptAfterMs} = {}) {
  console.log(`$ clerk ${shown ?? args.map(quote).join(' ')}`)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'run.js'), ...args], {
      cwd: work,
      env,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    })
    let out = ''
    child.stdout?.setEncoding('utf8').on('data', (d) => (out += d))
    const timer = interruptAfterMs ? setTimeout(() => child.kill('SIGINT'), interruptAfterMs) : undefined
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code !== 0) console.log(`(exit ${code})`)
      resolve({code, out})
    })
  })
}

try {
  console.log(`BAPI emulator on ${emu.url} (sample data: fixtures/sample-users.json); files in ${work}`)

  step('1. List users: a table for people, CSV for scripts')
  await clerk(['users', 'list', '--limit', '5'])
  await clerk(['users', 'list', '--query', 'acme', '-o', 'csv', '--columns', 'id,email'])

  step('2. Invite people to an organization from a file: a plan first, then a result per row')
  await clerk(['orgs', 'create', '--name', 'Acme Inc', '--slug', 'acme'], {capture: true})
  const member = (
    await clerk(['users', 'list', '--limit', '1', '-o', 'csv', '--columns', 'email'], {capture: true})
  ).out
    .trim()
    .split('\n')[1]
  await clerk(['orgs', 'members', 'add', 'acme', member, '--role', 'org:member'], {capture: true})
  writeFileSync(
    join(work, 'people.csv'),
    `email,role\nada@example.com,org:admin\ngrace@example.com,org:member\nnot-an-address,org:member\n${member},org:member\n`,
  )
  await clerk(['orgs', 'invite', 'acme', '--file', 'people.csv', '--dry-run'])
  await clerk(['orgs', 'invite', 'acme', '--file', 'people.csv', '--yes', '--report', 'report.ndjson'])

  step('3. Verify a session token (here one the emulator mints): valid, then a permission it lacks')
  const token = (
    await clerk(
      [
        'emulator',
        'token',
        '--user',
        'user_demo',
        '--org',
        'org_demo',
        '--role',
        'admin',
        '--permission',
        'org:invoices:read',
      ],
      {
        capture: true,
        shown:
          'emulator token --user user_demo --org org_demo --role admin --permission org:invoices:read  # -> $TOKEN',
      },
    )
  ).out.trim()
  await clerk(['token', 'verify', token, '--permission', 'org:invoices:read'], {
    shown: 'token verify $TOKEN --permission org:invoices:read',
  })
  await clerk(['token', 'verify', token, '--permission', 'org:invoices:write'], {
    shown: 'token verify $TOKEN --permission org:invoices:write      # exit 4: forbidden',
  })

  step('4. A bulk import, interrupted (Ctrl-C) and resumed: nobody is created twice')
  const rows = Array.from({length: 60}, (_, i) => `demo${i}@example.com,Demo,${i}`)
  writeFileSync(join(work, 'new-users.csv'), `email_address,first_name,last_name\n${rows.join('\n')}\n`)
  await clerk(['users', 'import', 'new-users.csv', '--yes', '--rate-limit', '20/1s'], {
    shown: 'users import new-users.csv --yes --rate-limit 20/1s      # Ctrl-C after 2s',
    capture: true,
    interruptAfterMs: 2000,
  })
  const resumed = await clerk(['users', 'import', 'new-users.csv', '--yes', '--resume', '-o', 'ndjson'], {
    shown: 'users import new-users.csv --yes --resume -o ndjson | tail -1',
    capture: true,
  })
  console.log(resumed.out.trim().split('\n').at(-1))
  await clerk(['users', 'count', '--query', 'demo'])

  console.log(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)}s`)
} finally {
  await emu.stop()
  rmSync(work, {recursive: true, force: true})
}
