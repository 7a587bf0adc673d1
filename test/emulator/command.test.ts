import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {describe, expect, test} from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

/** Run `clerk emulator start <args>` from the TypeScript sources in a child process (only this command is loaded). */
function startCli(args: string[]) {
  // Errors map to exit codes the way oclif's handler does (error.oclif.exit).
  const script = `import Cmd from './src/commands/emulator/start.ts'
    try { await Cmd.run(${JSON.stringify(args)}, import.meta.url) } catch (e) { console.error(e.message); process.exitCode = e.oclif?.exit ?? 1 }`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    env: {...process.env, NODE_ENV: 'production'},
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
  const ready = new Promise<void>((res, rej) => {
    const timer = setInterval(() => {
      if (stdout.includes('CLERK_PUBLISHABLE_KEY')) {
        clearInterval(timer)
        res()
      }
    }, 20)
    exited.then((code) => {
      clearInterval(timer)
      rej(new Error(`exited ${code}: ${stderr}`))
    })
  })
  return {child, ready, exited, out: () => stdout, err: () => stderr}
}

describe('clerk emulator start', () => {
  test('prints the URL and export lines, serves seeded users, saves state on SIGTERM', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'emu-cli-')), 'state.json')
    const cli = startCli(['--users', '7', '--persist', file, '--secret-key', 'sk_test_cli', '--rate-limit', '50/10s'])
    await cli.ready
    const lines = cli.out().trim().split('\n')
    expect(lines[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(lines[1]).toBe(`export CLERK_API_URL=${lines[0]}`)
    expect(lines[2]).toBe('export CLERK_SECRET_KEY=sk_test_cli')
    expect(lines[3]).toMatch(/^export CLERK_PUBLISHABLE_KEY=pk_test_/)
    const res = await fetch(`${lines[0]}/v1/users/count`, {headers: {authorization: 'Bearer sk_test_cli'}})
    expect(await res.json()).toEqual({object: 'total_count', total_count: 7})
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    expect(existsSync(file)).toBe(true)
    expect(JSON.parse(readFileSync(file, 'utf8')).users).toHaveLength(7)
    expect(cli.err()).toContain('state saved')
  })

  test('a bad --rate-limit is a usage error (exit 2)', async () => {
    const cli = startCli(['--rate-limit', 'lots'])
    await expect(cli.ready).rejects.toThrow(/exited 2/)
  })
})
