/**
 * Loads dist/chunks/oclif-core.cjs (@oclif/core and the packages it uses, one CommonJS script: scripts/build.js)
 * with V8's code cache: the code V8 compiled for it in an earlier run, read back instead of compiling the
 * ~370 KB script and each function it calls again (~20 ms of every start-up on Node 20, which has no compile
 * cache of its own; Node 22's caches only a script's top level, not the functions a run calls).
 *
 * The cache is written once, at the exit of a run that found none (or found it rejected): V8's data for the
 * script and every function that run compiled. V8 rejects data made by another V8 version or with other V8
 * flags (bin/run.js names its flags in globalThis.clerkAdminV8Flags, part of the file name), and checks the
 * script's length only: the file name carries the build's hash of the script (`hash`), so a new build never
 * reads the cache of another. Where: $CLERK_ADMIN_CACHE_DIR, else $XDG_CACHE_HOME/clerk-admin, else
 * ~/.cache/clerk-admin (the config directory's convention), in code-cache/ (mode 0700; files 0600, written
 * whole then renamed). CLERK_ADMIN_NO_CODE_CACHE=1 turns it off. Any failure to read or write it only means
 * compiling as usual.
 */
import {chmodSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import Module, {createRequire} from 'node:module'
import {homedir} from 'node:os'
import {dirname, join} from 'node:path'
import {Script} from 'node:vm'

const PREFIX = 'oclif-core-'
/** cache files of other builds are removed when a new one is written, once a week old */
const STALE_MS = 7 * 24 * 3600 * 1000

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CLERK_ADMIN_NO_CODE_CACHE) return undefined
  if (env.CLERK_ADMIN_CACHE_DIR) return join(env.CLERK_ADMIN_CACHE_DIR, 'code-cache')
  const base = env.XDG_CACHE_HOME || (homedir() && join(homedir(), '.cache'))
  return base ? join(base, 'clerk-admin', 'code-cache') : undefined
}

/** `require(file)`, through the code cache when there is a cache directory. */
export function loadCached(file: string, hash: string): unknown {
  // the script's import() of a command's or hook's module (a script compiled by node:vm, or read from a cache,
  // has no loader of its own to import with): from here, an ES module
  ;(globalThis as Record<symbol, unknown>)[Symbol.for('clerk-admin.import')] ??= (specifier: string) =>
    import(specifier)
  const dir = cacheDir()
  if (!dir) return createRequire(file)(file)
  const flags = String((globalThis as {clerkAdminV8Flags?: string}).clerkAdminV8Flags ?? 'default')
  const name = `${PREFIX}${hash}-${process.version}-${process.arch}-${flags.replaceAll(/[^\w-]/g, '_')}.bin`
  const cacheFile = join(dir, name)
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    // none yet
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), {filename: file, cachedData})
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCache(script, dir, name))
  const module = new Module(file)
  module.filename = file
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file))
  module.loaded = true
  return module.exports
}

function writeCache(script: Script, dir: string, name: string): void {
  try {
    mkdirSync(dir, {recursive: true, mode: 0o700})
    const tmp = join(dir, `.${name}.${process.pid}`)
    writeFileSync(tmp, script.createCachedData(), {mode: 0o600})
    chmodSync(tmp, 0o600)
    renameSync(tmp, join(dir, name))
    const now = Date.now()
    for (const f of readdirSync(dir))
      if (f !== name && f.startsWith(PREFIX) && now - statSync(join(dir, f)).mtimeMs > STALE_MS)
        unlinkSync(join(dir, f))
  } catch {
    // an unwritable cache directory: compile as usual next time
  }
}
