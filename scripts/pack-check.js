#!/usr/bin/env node
// `npm run pack-check`: what a user gets from `npm install -g`. Packs the package (`npm pack`, which runs the
// build through `prepare`), installs the tarball globally into a temp prefix, and runs the installed `clerk`:
// `--version`, `users list --help`, then `users list -o json` against an emulator. Exit 0 when all pass.
// Dependencies come from npm's cache when it has them (--prefer-offline), else from the registry.
import {execFile, execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = mkdtempSync(join(tmpdir(), 'clerk-admin-pack-'))
const npm = (args, cwd = ROOT) =>
  execFileSync('npm', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']})

let failed = false
function check(what, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}`)
  if (!ok) failed = true
}

try {
  // prepare (the build) prints to stdout too: the JSON report is the last thing written
  const out = npm(['pack', '--json', '--pack-destination', dir])
  const packed = JSON.parse(out.slice(out.lastIndexOf('\n[') + 1))[0]
  const tarball = join(dir, packed.filename)
  check(`npm pack: ${packed.filename}`, true, `${packed.entryCount} files, ${(packed.size / 1048576).toFixed(1)} MB`)
  const prefix = join(dir, 'prefix')
  npm(['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', tarball], dir)
  const clerk = join(prefix, 'bin', 'clerk')

  const {startEmulator} = await import(join(ROOT, 'dist', 'emulator', 'server.js'))
  const emu = await startEmulator({rateLimit: 'off'})
  emu.store.seedUsers(3)
  const env = {
    ...process.env,
    NO_COLOR: '1',
    CLERK_API_URL: emu.url,
    CLERK_SECRET_KEY: emu.secretKey,
    CLERK_ADMIN_CONFIG_DIR: join(dir, 'config'),
  }
  delete env.NODE_ENV
  // outside the checkout, so nothing resolves from this repository's node_modules; asynchronous, so the
  // emulator in this process can answer
  const run = (args) =>
    new Promise((resolve) =>
      execFile(clerk, args, {cwd: dir, env, encoding: 'utf8'}, (error, stdout, stderr) =>
        resolve({status: error ? (error.code ?? 1) : 0, stdout, stderr}),
      ),
    )
  try {
    const v = await run(['--version'])
    check(
      'clerk --version',
      v.status === 0 && v.stdout.startsWith(`clerk-admin/${packed.version}`),
      v.stdout.trim() || v.stderr,
    )
    const h = await run(['users', 'list', '--help'])
    check('clerk users list --help', h.status === 0 && h.stdout.includes('USAGE'), h.status ? h.stderr : '')
    const l = await run(['users', 'list', '-o', 'json'])
    let users = []
    try {
      users = JSON.parse(l.stdout)
    } catch {
      // reported below
    }
    check(
      'clerk users list -o json (emulator)',
      l.status === 0 && users.length === 3,
      `${users.length} users ${l.stderr}`,
    )
  } finally {
    await emu.stop()
  }
} finally {
  rmSync(dir, {recursive: true, force: true})
}
process.exit(failed ? 1 : 0)
