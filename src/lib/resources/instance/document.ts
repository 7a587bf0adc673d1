/**
 * The settings document on disk and on screen: read from a file or stdin (JSON, or YAML — the `yaml`
 * package, loaded only here), printed as YAML or JSON, and a change list printed as a diff.
 */
import {readValue} from '../../config/resolve.js'
import {usageError} from '../../util/errors.js'
import {readStdin} from '../../util/stdin.js'
import {GROUPS, type SettingsDocument} from './groups.js'
import type {SettingChange} from './plan.js'

/** The file's text (`-`: stdin), at most 1 MB, parsed as JSON or else YAML; exit 2 when it is neither. */
export async function readDocument(file: string): Promise<unknown> {
  const text = file === '-' ? await readStdin() : (readValue(`@${file}`) ?? '')
  try {
    return JSON.parse(text)
  } catch {
    // not JSON: YAML (a superset), parsed strictly (duplicate keys are an error)
  }
  const {parse} = (await import('yaml')).default // a CommonJS package: bundled, its default only
  try {
    return parse(text, {uniqueKeys: true})
  } catch (error) {
    throw usageError(
      `${file === '-' ? 'stdin' : file} is neither JSON nor YAML: ${(error as Error).message.split('\n')[0]}`,
    )
  }
}

/** The document as YAML, with a header saying which keys are read-only (apply never sends them). */
export async function toYaml(doc: SettingsDocument, source: string): Promise<string> {
  const {stringify} = (await import('yaml')).default
  const lines = [
    `# Instance settings of ${source}, from \`clerk instance get\`.`,
    '# Edit, then `clerk instance diff FILE` and `clerk instance apply FILE`. Keys you delete are left as they are.',
    '# Read-only (never sent by apply):',
    ...Object.keys(doc).map((g) => {
      const ro = Object.keys(doc[g]).filter((k) => !GROUPS[g].writable.includes(k))
      return `#   ${g}: ${ro.length ? ro.join(', ') : '(none)'}`
    }),
  ]
  return `${lines.join('\n')}\n${stringify(doc, {lineWidth: 0})}`
}

const show = (v: unknown) => JSON.stringify(v)

/** One line per change: `~ group.key: before -> after`; read-only and write-only ones say so. */
export function formatChanges(changes: SettingChange[]): string {
  return changes
    .map((c) => {
      const path = `${c.group}.${c.key}`
      if (c.kind === 'write_only')
        return `+ ${path}: ${show(c.after)}   (write-only: cannot be read back, sent every time)`
      if (c.kind === 'read_only') return `! ${path}: ${show(c.before)} -> ${show(c.after)}   (read-only: not sent)`
      return `~ ${path}: ${show(c.before)} -> ${show(c.after)}`
    })
    .join('\n')
}
