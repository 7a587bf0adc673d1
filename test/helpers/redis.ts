/**
 * A real redis-server for a test, on a free port, with no persistence:
 *
 *   const redis = await startRedis()      // redis.url = redis://127.0.0.1:<port>
 *   await redis.stop()                    // the server goes away (clients see the connection drop)
 *   await redis.start()                   // back on the same port, empty (as after a crash without persistence)
 *   await redis.stop()
 *
 * `hasRedisServer` is false when redis-server is not installed: tests then skip with a message
 * (.ci/run installs it, so CI always runs them).
 */
import {type ChildProcess, spawn, spawnSync} from 'node:child_process'
import {createServer} from 'node:net'

export const hasRedisServer = spawnSync('redis-server', ['--version'], {stdio: 'ignore'}).status === 0
export const NO_REDIS_MESSAGE =
  'redis-server is not installed (apt-get install -y redis-server): skipping the shared-limiter tests'
// CI installs it (.ci/run): there a missing redis-server is a broken setup, not a reason to skip
if (!hasRedisServer && process.env.CI)
  throw new Error('redis-server is not installed, and CI must run the shared-limiter tests')

export interface TestRedis {
  url: string
  port: number
  start(): Promise<void>
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const {port} = srv.address() as {port: number}
      srv.close(() => resolve(port))
    })
  })
}

function launch(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`redis-server did not start on port ${port}: ${out.slice(-500)}`))
    }, 15_000)
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d
      if (/Ready to accept connections/.test(out)) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited (${code}) on port ${port}: ${out.slice(-500)}`))
    })
  })
}

export async function startRedis(): Promise<TestRedis> {
  let child: ChildProcess | undefined
  let port = 0
  for (let attempt = 1; !child; attempt++) {
    port = await freePort()
    try {
      child = await launch(port)
    } catch (error) {
      if (attempt >= 3) throw error // the port was taken between probe and start: try another
    }
  }
  const redis: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      if (child) return
      child = await launch(port)
    },
    async stop() {
      const c = child
      child = undefined
      if (!c || c.exitCode !== null) return
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve())
        c.kill('SIGTERM')
      })
    },
  }
  return redis
}
