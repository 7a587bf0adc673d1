/** `clerk users import --from`: the source's own inputs (--passwords, Firebase's hash parameters, --metadata-map) checked and loaded. */
import {readFileSync} from 'node:fs'

import {instanceKind} from '../../config/resolve.js'
import {usageError} from '../../util/errors.js'
import type {MigrateOptions} from './migrate.js'
import {auth0Passwords} from './sources/auth0.js'
import {checkHashConfig, parseHashConfig} from './sources/firebase.js'
import {type MetadataTarget, SOURCES, type SourceOptions} from './sources/index.js'

export interface MigrationFlags {
  passwords?: string
  'hash-config'?: string
  'hash-key'?: string
  'salt-separator'?: string
  rounds?: number
  'mem-cost'?: number
  'metadata-map'?: string[]
  'dev-user-cap'?: number
}

const TARGETS = ['public', 'private', 'unsafe', 'skip']

function read(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw usageError(
      `${flag}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
}

export async function migrationSetup(
  name: string,
  f: MigrationFlags,
  secretKey: string | undefined,
): Promise<Omit<MigrateOptions, 'onConflict' | 'skipPasswordChecks' | 'skipPasswordRequirement'>> {
  const source = SOURCES[name]
  if (!source) throw usageError(`unknown source ${name}`, `one of: ${Object.keys(SOURCES).join(', ')}`)
  const sourceOptions: SourceOptions = {}
  const firebaseFlags = ['hash-config', 'hash-key', 'salt-separator', 'rounds', 'mem-cost'] as const
  if (name !== 'auth0' && f.passwords) throw usageError('--passwords goes with --from auth0')
  if (name !== 'firebase')
    for (const k of firebaseFlags) if (f[k] !== undefined) throw usageError(`--${k} goes with --from firebase`)
  if (f.passwords) {
    try {
      sourceOptions.passwords = auth0Passwords(read(f.passwords, '--passwords'))
    } catch (error) {
      throw usageError(`--passwords ${f.passwords}: ${(error as Error).message}`)
    }
  }
  if (name === 'firebase') {
    const given = ['hash-key', 'salt-separator', 'rounds', 'mem-cost'].filter(
      (k) => f[k as keyof MigrationFlags] !== undefined,
    )
    try {
      if (f['hash-config']) {
        if (given.length) throw new Error('give --hash-config or the separate flags, not both')
        sourceOptions.hashConfig = parseHashConfig(read(f['hash-config'], '--hash-config'))
      } else if (given.length) {
        sourceOptions.hashConfig = checkHashConfig({
          base64_signer_key: f['hash-key'],
          base64_salt_separator: f['salt-separator'],
          rounds: f.rounds,
          mem_cost: f['mem-cost'],
        })
      }
    } catch (error) {
      throw usageError(`firebase hash parameters: ${(error as Error).message}`)
    }
  }
  const problem = source.check?.(sourceOptions)
  if (problem) throw usageError(problem)
  const metadataMap = new Map<string, MetadataTarget>()
  for (const spec of f['metadata-map'] ?? []) {
    const [field, target] = spec.split('=').map((s) => s.trim())
    if (!field || !target || !TARGETS.includes(target))
      throw usageError(`invalid --metadata-map "${spec}"`, `use field=${TARGETS.join('|')}, e.g. user_metadata=unsafe`)
    if (!(field in source.metadata))
      throw usageError(
        `--metadata-map: ${name} has no metadata field "${field}"`,
        `its fields: ${Object.keys(source.metadata).join(', ')}`,
      )
    metadataMap.set(field, target as MetadataTarget)
  }
  return {
    source,
    sourceOptions,
    metadataMap,
    instance: instanceKind(secretKey) as MigrateOptions['instance'],
    devUserCap: f['dev-user-cap'] ?? 100,
  }
}
