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
import {createHash} from 'node:crypto'
import {copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
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
 * Packages left to Node's loader: ioredis is loaded only
 * with --limiter-redis (and bottleneck requires it by name); `redis`, bottleneck's other datastore, is not
 * installed; typescript is what oclif reads
 * tsconfig.json with in development only (bin/dev.js), never in a production run.
 */
const EXTERNAL = ['ioredis', 'redis', 'typescript']

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
 * Start-up costs in @oclif/core that a CLI with a manifest never needs, removed from the bundled copy (the
 * package in node_modules is untouched). Each edit names the exact text it replaces: when an oclif upgrade
 * changes that text the build fails, and the edit is made again or dropped.
 */
const OCLIF_EDITS = [
  {
    // semver (52 files) only to warn when Node is older than oclif's own `engines` (>= 18); ours (>= 20.17)
    // is stricter, and npm checks it at install
    file: 'lib/index.js',
    find: "const semver = require('semver');",
    replace: 'const semver = {satisfies: () => true};',
  },
  {
    // the first String#localeCompare of a process loads ICU's collation data: ~15-40 ms of every start-up, to
    // sort command ids that are ASCII ([a-z0-9:-]), which code-unit order sorts the same way
    file: 'lib/config/plugin.js',
    find: '.sort((a, b) => a.id.localeCompare(b.id));',
    replace: '.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));',
  },
  {
    // node:child_process (~10 ms to load) is used only on Windows, to name the parent shell
    file: 'lib/util/os.js',
    find: 'const node_child_process_1 = require("node:child_process");',
    replace: 'const node_child_process_1 = {execSync: (...a) => require("node:child_process").execSync(...a)};',
  },
  {
    // help runs every description, flag and example through ejs (a template compiled per string, ~1/4 of
    // `--help`); a string without an ejs tag renders as itself
    file: 'lib/help/util.js',
    find: 'return ejs_1.default.render(t, context);',
    replace: "return typeof t === 'string' && !t.includes('<%') ? t : ejs_1.default.render(t, context);",
  },
  {
    // ... and the two tags our strings use (`<%= config.bin %>`, `<%= command.id %>`) are filled in as ejs fills
    // them (the value XML-escaped); a string with any other tag still goes through ejs
    file: 'lib/help/util.js',
    find: 'function render(t) {',
    replace: `function render(t) {
        if (typeof t === 'string' && t.includes('<%')) {
            const values = {'config.bin': context.config?.bin, 'command.id': context.command?.id};
            let plain = true;
            const out = t.replace(/<%= (config\\.bin|command\\.id) %>/g, (_, k) => {
                if (typeof values[k] !== 'string') plain = false;
                return String(values[k]).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;'})[c]);
            });
            if (plain && !out.includes('<%')) return out;
        }`,
  },
  {
    // each dependency matched against each `plugins` entry with minimatch (a regex built per pair); an
    // entry with no glob characters is a plain name. minimatch itself is initialised only when used
    file: 'lib/config/plugin-loader.js',
    find: '(0, minimatch_1.minimatch)(p, w)',
    replace: '(/[*?[{(!]/.test(w) ? (0, minimatch_1.minimatch)(p, w) : p === w)',
  },
  {
    file: 'lib/config/plugin-loader.js',
    find: 'const minimatch_1 = require("minimatch");',
    replace: 'const minimatch_1 = {minimatch: (...a) => require("minimatch").minimatch(...a)};',
  },
  {
    // tinyglobby (and fdir, picomatch) finds command files when there is no manifest; ours always has one
    file: 'lib/config/plugin.js',
    find: 'const tinyglobby_1 = require("tinyglobby");',
    replace: 'const tinyglobby_1 = {glob: (...a) => require("tinyglobby").glob(...a)};',
  },
  {
    // wsl-utils (its ES module imports of node:process, node:child_process, node:util... make Node build
    // every lazy export of those: ~10 ms of built-in modules) only where is-wsl could answer true: on Linux, with
    // "microsoft" in the kernel release or /proc/version, or WSL's interop files present (is-wsl's own tests)
    file: 'lib/util/os.js',
    find: "return (await import('wsl-utils')).isWsl ? 'wsl' : (0, node_os_1.platform)();",
    replace: `const fs = require("node:fs");
    const maybeWsl = process.env.__IS_WSL_TEST__ || (process.platform === "linux" && ((0, node_os_1.release)().toLowerCase().includes("microsoft") ||
        (() => { try { return fs.readFileSync("/proc/version", "utf8").toLowerCase().includes("microsoft"); } catch { return false; } })() ||
        fs.existsSync("/proc/sys/fs/binfmt_misc/WSLInterop") || fs.existsSync("/run/WSL")));
    if (!maybeWsl) return (0, node_os_1.platform)();
    return (await import('wsl-utils')).isWsl ? 'wsl' : (0, node_os_1.platform)();`,
  },
  {
    // node:perf_hooks only for OCLIF_PERFORMANCE timings (the global `performance` is the same object)
    file: 'lib/performance.js',
    find: 'const node_perf_hooks_1 = require("node:perf_hooks");',
    replace:
      'const node_perf_hooks_1 = {get performance() { return globalThis.performance }, get PerformanceObserver() { return require("node:perf_hooks").PerformanceObserver }};',
  },
  {
    // the manifest oclif reads on every run: dist/manifest/index.json, each command without its flags, args
    // and examples (writeManifests below); oclif.manifest.json (everything) when there is none
    file: 'lib/config/plugin.js',
    find: 'const manifest = await (0, fs_1.readJson)(p);',
    replace:
      'const manifest = (!dotfile && (await (0, fs_1.readJson)((0, node_path_1.join)(this.root, "dist", "manifest", "index.json")).catch((e) => { if (e.code !== "ENOENT") throw e }))) || (await (0, fs_1.readJson)(p));',
  },
  {
    // ... where each command's flags, args and examples are objects (arrays) that read dist/manifest/<id>.json
    // the first time anything looks into them (help for that command, its parse-time id check, `clerk commands`)
    file: 'lib/config/plugin.js',
    find: `            ...c,
            load: async () => this.findCommand(id, { must: true }),`,
    replace: `            ...(c.lazyDetails ? __lazyDetails(c, this.root) : c),
            load: async () => this.findCommand(id, { must: true }),`,
  },
  {
    file: 'lib/config/plugin.js',
    find: 'const cachedCommandCanBeUsed = ',
    replace: `function __lazyDetails({lazyDetails: [file, keys], ...c}, root) {
    let details;
    const read = () => (details ??= JSON.parse(require("node:fs").readFileSync(require("node:path").join(root, "dist", "manifest", file), "utf8")));
    for (const [key, isArray] of keys) {
        const target = isArray ? [] : {};
        let filled = false;
        const fill = () => {
            if (!filled) {
                filled = true;
                if (isArray) target.push(...read()[key]);
                else Object.assign(target, read()[key]);
            }
            return target;
        };
        c[key] = new Proxy(target, {
            get: (_, k) => Reflect.get(fill(), k),
            set: (_, k, v) => Reflect.set(fill(), k, v),
            has: (_, k) => Reflect.has(fill(), k),
            ownKeys: () => Reflect.ownKeys(fill()),
            getOwnPropertyDescriptor: (_, k) => Reflect.getOwnPropertyDescriptor(fill(), k),
            defineProperty: (_, k, d) => Reflect.defineProperty(fill(), k, d),
            deleteProperty: (_, k) => Reflect.deleteProperty(fill(), k),
        });
    }
    return c;
}
const cachedCommandCanBeUsed = `,
  },
  {
    // the debug package (and tty, supports-color, util) is loaded by the first logger oclif makes, on every
    // run; it prints only when DEBUG names a namespace (read from the environment when debug loads, as here)
    file: 'lib/logger.js',
    find: 'const debug = (0, debug_1.default)(namespace);',
    replace:
      'let made; const debug = (...a) => { if (made === undefined && !process.env.DEBUG) return; (made ??= (0, debug_1.default)(namespace))(...a) };',
  },
  {
    // help lists the topics that have children: for each topic, a scan of a fresh copy of config.topics
    // building a string per element (~35,000 for our 180 topics); the same test, one copy and one string per topic
    file: 'lib/help/index.js',
    find: `        return this.config.topics.filter((topic) => {
            // it is assumed a topic has a child if it has children
            const hasChild = this.config.topics.some((subTopic) => subTopic.name.includes(\`\${topic.name}:\`));`,
    replace: `        const topics = this.config.topics;
        return topics.filter((topic) => {
            // it is assumed a topic has a child if it has children
            const prefix = \`\${topic.name}:\`;
            const hasChild = topics.some((subTopic) => subTopic.name.includes(prefix));`,
  },
  {
    // uniqBy keeps each element no later one shares a key with, comparing every pair: the same in one pass
    file: 'lib/util/util.js',
    find: `    return arr.filter((a, i) => {
        const aVal = fn(a);
        return !arr.some((b, j) => j > i && fn(b) === aVal);
    });`,
    replace: `    const keys = arr.map((a) => fn(a));
    const last = new Map(keys.map((k, i) => [k, i]));
    return arr.filter((a, i) => last.get(keys[i]) === i);`,
  },
  {
    // cli-spinners (a 48 KB table) only when a spinner starts
    file: 'lib/ux/action/spinner.js',
    find: 'const cli_spinners_1 = __importDefault(require("cli-spinners"));',
    replace: 'const cli_spinners_1 = {get default() { return __importDefault(require("cli-spinners")).default }};',
  },
]

/**
 * string-width (help text and tables measure every word, wrap-ansi every character of a long word): a string
 * of printable ASCII (0x20-0x7e) has one column per character (no ANSI escape, emoji or wide character in that
 * range), so its width is its length, without the ANSI strip and the emoji regex.
 */
const STRING_WIDTH_EDITS = [
  {
    file: 'index.js',
    find: `	if (typeof string !== 'string' || string.length === 0) {
		return 0;
	}
`,
    replace: `	if (typeof string !== 'string' || string.length === 0) {
		return 0;
	}
	if (/^[\\x20-\\x7e]*$/.test(string)) {
		return string.length;
	}
`,
  },
]

/**
 * supports-color (help's bold headers ask it) loads node:tty, and with it node:net, only to ask whether
 * stdout and stderr are terminals: the standard streams answer the same question (Node makes each a
 * tty.WriteStream exactly when its descriptor is a terminal), and a run writes to them anyway.
 */
const SUPPORTS_COLOR_EDITS = [
  {file: 'index.js', find: "const tty = require('tty');", replace: ''},
  {
    file: 'index.js',
    find: `	stdout: getSupportLevel({isTTY: tty.isatty(1)}),
	stderr: getSupportLevel({isTTY: tty.isatty(2)})`,
    replace: `	stdout: getSupportLevel({isTTY: Boolean(process.stdout.isTTY)}),
	stderr: getSupportLevel({isTTY: Boolean(process.stderr.isTTY)})`,
  },
]

/**
 * jq-wasm (emscripten) hands jq its input one byte per JavaScript call (the stdin device's read loop calls
 * the input callback for every byte): a third of the CPU of `users export --jq .id`. The bundled copy reads
 * a whole chunk at once. It reads its .wasm from `<its directory>/build/jq.wasm`: copied to dist/chunks/build/.
 */
const JQ_EDITS = [
  {
    // its own __dirname (tsup's shim) would clash with the bundle's banner, which defines the same one
    file: 'dist/index.mjs',
    find: 'var getFilename, getDirname, __dirname;',
    replace: 'var getFilename, getDirname;',
  },
  {
    file: 'dist/index.mjs',
    find: '    __dirname = /* @__PURE__ */ getDirname();',
    replace: '',
  },
  {
    // jq's stdin and stdout are devices that called JavaScript once per byte: a read fills jq's buffer in
    // one call (from the bytes of a string, or from a reader, below), a write copies jq's buffer in one call
    file: 'dist/index.mjs',
    find: `          }, read(stream, buffer, offset, length, pos) {
            var bytesRead = 0;`,
    replace: `          }, read(stream, buffer, offset, length, pos) {
            if (input?.bulk) return input.bulk(new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length));
            var bytesRead = 0;`,
  },
  {
    file: 'dist/index.mjs',
    find: `          }, write(stream, buffer, offset, length, pos) {
            for (var i = 0; i < length; i++) {
              try {
                output(buffer[offset + i]);`,
    replace: `          }, write(stream, buffer, offset, length, pos) {
            if (output?.bulk) return output.bulk(new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length));
            for (var i = 0; i < length; i++) {
              try {
                output(buffer[offset + i]);`,
  },
  {
    file: 'dist/index.mjs',
    find: `          }, reset() {
            length = 0;`,
    replace: `          }, pushAll(chunk) {
            if (length + chunk.length > bytes.length) {
              const grown = new Uint8Array(Math.max(bytes.length * 2, length + chunk.length));
              grown.set(bytes.subarray(0, length));
              bytes = grown;
            }
            bytes.set(chunk, length);
            length += chunk.length;
          }, reset() {
            length = 0;`,
  },
  {
    file: 'dist/index.mjs',
    find: `          FS.init(() => {
            if (stdinBufferOffset >= stdinBuffer.length) return null;
            return stdinBuffer[stdinBufferOffset++] ?? null;
          }, (byte) => {
            if (byte != null) stdoutSink.push(byte);
          }, (byte) => {`,
    replace: `          FS.init(Object.assign(() => {
            if (stdinBufferOffset >= stdinBuffer.length) return null;
            return stdinBuffer[stdinBufferOffset++] ?? null;
          }, {bulk(into) {
            if (stdinReader) return stdinReader(into);
            const n = Math.min(into.length, stdinBuffer.length - stdinBufferOffset);
            into.set(stdinBuffer.subarray(stdinBufferOffset, stdinBufferOffset + n));
            stdinBufferOffset += n;
            return n;
          }}), Object.assign((byte) => {
            if (byte != null) stdoutSink.push(byte);
          }, {bulk(chunk) {
            stdoutSink.pushAll(chunk);
            return chunk.length;
          }}), (byte) => {`,
  },
  {
    // rawFrom(read, query, flags): jq's stdin is read(into) (fills `into`, answers the bytes written, 0 at
    // the end), so the caller encodes its input as jq reads it instead of building one string of it all
    file: 'dist/index.mjs',
    find: `        }, rawSync(jsonString, query, flags = []) {`,
    replace: `        }, rawFromSync(read, query, flags = []) {
          stdinReader = read;
          try {
            return runJq("", query, flags);
          } finally {
            stdinReader = void 0;
          }
        }, rawSync(jsonString, query, flags = []) {`,
  },
  {
    file: 'dist/index.mjs',
    find: `        let stdinBufferOffset = 0;`,
    replace: `        let stdinBufferOffset = 0;
        let stdinReader;`,
  },
  {
    file: 'dist/index.mjs',
    find: `  return {
    raw: raw2,`,
    replace: `  return {
    rawFrom(read, query, flags = []) {
      assertQuery(query);
      return instance.rawFromSync(read, query, flags);
    },
    raw: raw2,`,
  },
]

/**
 * Every module-level `const x_1 = require("...")` in @oclif/core (TypeScript's CommonJS output) becomes a lazy
 * binding: the module is required at its first use (`x_1.name`), not when the requiring module loads. oclif's
 * index requires its whole library up front (help, parser, ux, errors, config...), most of which a run never
 * touches; with lazy bindings a run evaluates only the modules it calls into. The code's meaning is unchanged
 * (every use of a binding goes through `x_1.name`; a module needed at load, e.g. a base class, loads at once).
 * The index's `exports.X = __importStar(require("./x"))` become getters, likewise.
 */
const LAZY_HELPER =
  'const __lazy = (load) => { let m; const get = () => (m ??= load()); ' +
  'return new Proxy({}, {get: (_, k) => get()[k], set: (_, k, v) => ((get()[k] = v), true), has: (_, k) => k in get()}) };'
const lazied = {files: 0, requires: 0, imports: 0}
function lazyRequires(text) {
  let n = 0
  // import() of a command's or hook's file: through the ES module bundle (see loadOclif), not from the script
  text = text.replace(/\bawait import\((?!['"])/g, () => {
    lazied.imports++
    return 'await globalThis[Symbol.for("clerk-admin.import")]('
  })
  text = text.replace(
    /^(const|var) (\w+) = ((?:__importDefault|__importStar)\()?require\(("[^"]+")\)(\))?;$/gm,
    (_, kw, name, wrap = '', spec, close = '') => {
      n++
      return `${kw} ${name} = __lazy(() => ${wrap}require(${spec})${close});`
    },
  )
  text = text.replace(/^exports\.(\w+) = __importStar\(require\(("[^"]+")\)\);$/gm, (_, name, spec) => {
    n++
    return `let __lazy_${name}; Object.defineProperty(exports, "${name}", {enumerable: true, configurable: true, get: () => (__lazy_${name} ??= __importStar(require(${spec})))});`
  })
  if (n === 0) return text
  lazied.files++
  lazied.requires += n
  return text.startsWith('"use strict";\n')
    ? text.replace('"use strict";\n', `"use strict";\n${LAZY_HELPER}\n`)
    : `${LAZY_HELPER}\n${text}`
}

/** The edits of one package's files, each failing the build when the text it replaces is gone. */
const applied = new Set()
function editsPlugin(name, pkg, edits, transform) {
  const escaped = pkg.replace(/[/]/g, '[\\\\/]')
  return {
    name,
    setup(b) {
      b.onLoad({filter: new RegExp(`[\\\\/]${escaped}[\\\\/].*\\.m?js$`)}, (args) => {
        const file = args.path.replaceAll('\\', '/').replace(new RegExp(`^.*/${pkg}/`), '')
        const mine = edits.filter((e) => e.file === file)
        if (mine.length === 0 && !transform) return undefined
        let text = readFileSync(args.path, 'utf8')
        for (const e of mine) {
          if (!text.includes(e.find)) throw new Error(`${pkg} ${file} no longer contains ${e.find}: redo this edit`)
          text = text.replace(e.find, e.replace)
          applied.add(e)
        }
        if (transform) text = transform(text, file)
        return {contents: text, loader: 'js'}
      })
    },
  }
}

/**
 * oclif.manifest.json, as `oclif manifest` wrote it, without indentation (a third smaller); it stays the whole
 * manifest (tools and tests read it). What oclif reads on every run is dist/manifest/index.json: the same
 * commands without the keys that only help and `clerk commands` look into (DETAIL_KEYS: ~90% of the bytes,
 * mostly the global flags repeated per command), which are in dist/manifest/<id>.json, read on first use
 * (the lazyDetails edit of lib/config/plugin.js above). Finding a command, topics and did-you-mean read the
 * index only.
 */
const DETAIL_KEYS = ['flags', 'args', 'examples']
function writeManifests(file, dir) {
  const manifest = JSON.parse(readFileSync(file, 'utf8'))
  writeFileSync(file, JSON.stringify(manifest))
  mkdirSync(dir, {recursive: true})
  const commands = {}
  for (const [id, c] of Object.entries(manifest.commands)) {
    const keys = DETAIL_KEYS.filter((k) => c[k] !== null && typeof c[k] === 'object')
    const name = `${id.replaceAll(':', '.')}.json`
    writeFileSync(join(dir, name), JSON.stringify(Object.fromEntries(keys.map((k) => [k, c[k]]))))
    commands[id] = Object.fromEntries(Object.entries(c).filter(([k]) => !keys.includes(k)))
    commands[id].lazyDetails = [name, keys.map((k) => [k, Array.isArray(c[k])])]
  }
  writeFileSync(join(dir, 'index.json'), JSON.stringify({...manifest, commands}))
}

/**
 * Packages oclif requires (lazily, above) for what a CLI with a manifest rarely or never does: plugin globs
 * (minimatch), finding commands without a manifest (tinyglobby), spinners, ejs templates, TypeScript configs
 * (lilconfig), DEBUG logs, 256-colour styles (color-convert). Bundled into the shared chunk they are compiled on
 * every start-up, used or not (~40% of it). Each is built instead into a CommonJS file of its own,
 * dist/chunks/lazy/<name>.cjs, that the chunk require()s when it is first used.
 */
const LAZY_PACKAGES = ['minimatch', 'tinyglobby', 'cli-spinners', 'ejs', 'lilconfig', 'debug', 'color-convert']
const lazyPackages = new Map()
const lazyPackagesPlugin = {
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({filter: new RegExp(`^(${LAZY_PACKAGES.join('|')})$`)}, async (args) => {
      if (args.kind !== 'require-call' || args.pluginData?.lazyPackages) return undefined
      const r = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: {lazyPackages: true},
      })
      if (r.errors.length > 0) return {errors: r.errors}
      const seen = lazyPackages.get(args.path)
      if (seen && seen !== r.path) throw new Error(`two copies of ${args.path} (${seen}, ${r.path}): name them apart`)
      lazyPackages.set(args.path, r.path)
      return {path: args.path, namespace: 'lazy-package'}
    })
    b.onLoad({filter: /.*/, namespace: 'lazy-package'}, (args) => ({
      contents: `module.exports = require("./lazy/${args.path}.cjs")`,
      loader: 'js',
    }))
    b.onResolve({filter: /^\.\/lazy\//, namespace: 'lazy-package'}, (args) => ({path: args.path, external: true}))
  },
}

/**
 * @oclif/core and the packages it uses are built as one CommonJS script, dist/chunks/oclif-core.cjs (with the
 * edits and lazy requires above), which the ES module bundle loads through src/lib/oclif/code-cache.ts: a
 * script V8 can keep the compiled code of between runs, which an ES module cannot have on Node 20. `hash`
 * names this build of the script in the cache.
 */
function oclifCorePlugin(hash) {
  return {
    name: 'oclif-core',
    setup(b) {
      b.onResolve({filter: /^@oclif\/core$/}, () => ({path: '@oclif/core', namespace: 'oclif-core'}))
      b.onLoad({filter: /.*/, namespace: 'oclif-core'}, () => ({
        contents: `module.exports = require(${JSON.stringify(join(ROOT, 'src', 'lib', 'oclif', 'code-cache.ts'))}).loadCached(require.resolve("./oclif-core.cjs"), ${JSON.stringify(hash)})`,
        loader: 'js',
        resolveDir: ROOT,
      }))
    },
  }
}

const started = performance.now()
rmSync(join(ROOT, 'dist'), {recursive: true, force: true})
const entryPoints = [...new Set([...commandFiles(), ...oclifModules(pjson.oclif), ...PUBLIC.map((p) => join(ROOT, p))])]
await build({
  absWorkingDir: ROOT,
  entryPoints: {'oclif-core': join(ROOT, 'node_modules', '@oclif', 'core', 'lib', 'index.js')},
  outdir: 'dist/chunks',
  outExtension: {'.js': '.cjs'},
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [
    editsPlugin('oclif-edits', '@oclif/core', OCLIF_EDITS, lazyRequires),
    editsPlugin('string-width-edits', 'string-width', STRING_WIDTH_EDITS),
    editsPlugin('supports-color-edits', 'supports-color', SUPPORTS_COLOR_EDITS),
    lazyPackagesPlugin,
  ],
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
})
const oclifHash = createHash('sha256')
  .update(readFileSync(join(ROOT, 'dist', 'chunks', 'oclif-core.cjs')))
  .digest('hex')
  .slice(0, 16)
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
  plugins: [oclifCorePlugin(oclifHash), editsPlugin('jq-edits', 'jq-wasm', JQ_EDITS)],
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
for (const e of [...OCLIF_EDITS, ...JQ_EDITS, ...STRING_WIDTH_EDITS, ...SUPPORTS_COLOR_EDITS])
  if (!applied.has(e)) throw new Error(`${e.file} was not bundled: drop its edit`)
// the require("./lazy/x.cjs") of a lazy package resolves from the file it is in: only chunks may hold one
for (const [file, o] of Object.entries(result.metafile.outputs))
  if (Object.keys(o.inputs).some((i) => i.startsWith('lazy-package:')) && !file.startsWith('dist/chunks/'))
    throw new Error(`${file} requires a lazy package but is not in dist/chunks/`)
for (const name of LAZY_PACKAGES) if (!lazyPackages.has(name)) throw new Error(`${name} is no longer bundled: drop it`)
await build({
  absWorkingDir: ROOT,
  entryPoints: Object.fromEntries([...lazyPackages].map(([name, path]) => [name, path])),
  outdir: 'dist/chunks/lazy',
  outExtension: {'.js': '.cjs'},
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
})
// the lazy bindings: most of oclif's ~300 module-level requires; far fewer means its output changed shape
if (lazied.requires < 200)
  throw new Error(`only ${lazied.requires} of @oclif/core's requires made lazy: check lazyRequires`)
mkdirSync(join(ROOT, 'dist', 'chunks', 'build'))
copyFileSync(
  join(ROOT, 'node_modules', 'jq-wasm', 'dist', 'build', 'jq.wasm'),
  join(ROOT, 'dist', 'chunks', 'build', 'jq.wasm'),
)
writeFileSync(join(ROOT, 'dist', 'meta.json'), JSON.stringify(result.metafile))
const bundled = performance.now()

execFileSync(process.execPath, [join(ROOT, 'node_modules', 'oclif', 'bin', 'run.js'), 'manifest'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
})
writeManifests(join(ROOT, 'oclif.manifest.json'), join(ROOT, 'dist', 'manifest'))
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))
console.log(
  `built ${relative(ROOT, join(ROOT, 'dist'))}/: ${entryPoints.length} entry points, ${outputs.length} files, ` +
    `bundle ${Math.round(bundled - started)} ms, manifest ${Math.round(performance.now() - bundled)} ms`,
)
