#!/usr/bin/env node
// The production build (`npm run build`, run by `prepare`): esbuild bundles src/ and the packages it imports
// into dist/, one output file per entry point, with the code two entries share split into dist/chunks/.
// Entry points, found afresh on every build (so new commands and hooks need no edit here):
//   - every command file under src/commands (dist/commands/<topic>/<name>.js, where oclif's manifest points);
//   - every module package.json's oclif config names (helpClass, hooks: ./dist/X.js is built from src/X.ts);
//   - the modules bin/run.js, the benches, scripts and tests import by path (PUBLIC below).
// A command's file imports only what it needs at start-up; a dynamic import() (@clerk/backend, inquirer,
// ioredis, csv-parse, jq-wasm, the MCP SDK, the spec index, the bulk runner...) stays a chunk of its own, loaded
// when called. @oclif/core is bundled too: the CLI starts by reading a few files instead of ~200.
// Then `oclif manifest` writes oclif.manifest.json from dist/commands (every command's flags and args), so
// oclif finds a command and prints help without loading any other command.
// Types are checked by `npm run typecheck` (tsc --noEmit), not here: this build takes ~1 s.
import {execFileSync} from 'node:child_process'
import {readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'

import {build} from 'esbuild'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const pjson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))

/** Modules imported by path from outside the bundle: bin/run.js, bench/, scripts/, test/guards. */
const PUBLIC = [
  'src/lib/oclif/main.ts',
  'src/lib/oclif/command.ts',
  'src/emulator/server.ts',
  'src/lib/raw-api/operations.ts',
]

/**
 * Packages left to Node's loader: jq-wasm reads its .wasm file next to its own module; `redis` is an optional
 * datastore of bottleneck's that is not installed (we give it ioredis); typescript is what oclif reads
 * tsconfig.json with in development only (bin/dev.js), never in a production run.
 */
const EXTERNAL = ['jq-wasm', 'redis', 'typescript']

function commandFiles(dir = join(ROOT, 'src', 'commands')) {
  return readdirSync(dir, {recursive: true})
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
}

/** ./dist/lib/oclif/help.js -> src/lib/oclif/help.ts, for each module the oclif config names. */
function oclifModules(oclif) {
  const paths = [oclif.helpClass]
  for (const hooks of Object.values(oclif.hooks ?? {}))
    for (const hook of [hooks].flat()) paths.push(typeof hook === 'string' ? hook : hook.target)
  return paths.filter(Boolean).map((p) => {
    const m = /^\.?\/?dist\/(.+)\.js$/.exec(p)
    if (!m) throw new Error(`package.json oclif names ${p}: expected ./dist/<path>.js (built from src/<path>.ts)`)
    return join(ROOT, 'src', `${m[1]}.ts`)
  })
}

/**
 * @oclif/core's index requires semver (52 files) only to warn when Node is older than oclif's own `engines`
 * (>= 18); ours (>= 20.17) is stricter and npm checks it at install. The bundle gets a stub that says yes.
 */
const noSemverCheck = {
  name: 'no-semver-check',
  setup(b) {
    b.onResolve({filter: /^semver$/}, (args) =>
      /@oclif[\\/]core[\\/]lib[\\/]index\.js$/.test(args.importer) ? {path: 'semver', namespace: 'stub'} : undefined,
    )
    b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'module.exports = {satisfies: () => true}'}))
  },
}

const started = performance.now()
rmSync(join(ROOT, 'dist'), {recursive: true, force: true})
const entryPoints = [...new Set([...commandFiles(), ...oclifModules(pjson.oclif), ...PUBLIC.map((p) => join(ROOT, p))])]
const result = await build({
  absWorkingDir: ROOT,
  entryPoints,
  outdir: 'dist',
  outbase: 'src',
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [noSemverCheck],
  // CommonJS packages inside an ES module bundle still call require() and read __dirname/__filename
  banner: {
    js: [
      "import {createRequire as __createRequire} from 'node:module'",
      "import {dirname as __pathDirname} from 'node:path'",
      "import {fileURLToPath as __fileURLToPath} from 'node:url'",
      'const require = __createRequire(import.meta.url)',
      'const __filename = __fileURLToPath(import.meta.url)',
      'const __dirname = __pathDirname(__filename)',
    ].join('; '),
  },
  // Stack traces: the bundle is not minified (names and code read as written); the .map files map a stack
  // back to src/*.ts with `NODE_OPTIONS=--enable-source-maps` (off by default: it costs start-up time).
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
})
writeFileSync(join(ROOT, 'dist', 'meta.json'), JSON.stringify(result.metafile))
const bundled = performance.now()

execFileSync(process.execPath, [join(ROOT, 'node_modules', 'oclif', 'bin', 'run.js'), 'manifest'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
})
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))
console.log(
  `built ${relative(ROOT, join(ROOT, 'dist'))}/: ${entryPoints.length} entry points, ${outputs.length} files, ` +
    `bundle ${Math.round(bundled - started)} ms, manifest ${Math.round(performance.now() - bundled)} ms`,
)
