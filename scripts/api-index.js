#!/usr/bin/env node
// Regenerate spec/operations.json (the compact operation index `clerk api` uses) from spec/openapi.yml.
// Run after updating the spec: `npm run build && node scripts/api-index.js`. A test fails when they differ.
import {readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {buildApiIndex} from '../dist/lib/raw-api/operations.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const index = await buildApiIndex(readFileSync(join(root, 'spec', 'openapi.yml'), 'utf8'))
writeFileSync(join(root, 'spec', 'operations.json'), `[\n${index.map((o) => JSON.stringify(o)).join(',\n')}\n]\n`)
console.log(`wrote spec/operations.json: ${index.length} operations`)
