#!/usr/bin/env node
// Runs the TypeScript sources (src/) through tsx, with no build: the commands, help class and hooks that
// package.json names under dist/ are read from src/ instead, and oclif.manifest.json (which points into the
// bundle in dist/) is not used. bin/run.js runs the production bundle.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {register} from 'tsx/esm/api'

register()
const {Config, Plugin, flush, handle, run} = await import('@oclif/core')

const root = fileURLToPath(new URL('..', import.meta.url))
const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const toSrc = (p) => p.replace(/^\.?\/?dist\/(.+)\.js$/, './src/$1.ts')
const {oclif} = pjson
oclif.commands = './src/commands'
if (oclif.helpClass) oclif.helpClass = toSrc(oclif.helpClass)
for (const [event, hooks] of Object.entries(oclif.hooks ?? {}))
  oclif.hooks[event] = [hooks].flat().map((h) => (typeof h === 'string' ? toSrc(h) : {...h, target: toSrc(h.target)}))

const plugins = new Map()
const rootPlugin = new Plugin({root, pjson, isRoot: true, ignoreManifest: true})
for (const plugin of [rootPlugin, ...(oclif.plugins ?? []).map((name) => new Plugin({name, root, type: 'core'}))]) {
  await plugin.load()
  plugins.set(plugin.name, plugin)
}
const config = await Config.load({root, pjson, plugins})
await run(process.argv.slice(2), config)
  .then(() => flush())
  .catch(handle)
