/** The steps `instance diff` and `instance apply` share: read the file and the instance, plan, print. */
import type {Client} from '../../http/client.js'
import {out, printJson} from '../../output/writer.js'
import {GROUPS, readSettings} from './groups.js'
import {type SettingsPlan, checkDocument, planSettings} from './plan.js'

/** The file against the instance (only the groups the file names are read). */
export async function diffSettings(client: Client, file: string): Promise<SettingsPlan> {
  const {readDocument} = await import('./document.js')
  const raw = await readDocument(file)
  const groups = raw && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw) : []
  const {doc: current} = await readSettings(
    client,
    groups.filter((g) => GROUPS[g]),
  )
  const wanted = checkDocument(raw, current)
  return planSettings(client, current, wanted)
}

/** The changes on stdout (a diff, or JSON records), and a summary on stderr. */
export async function printPlan(plan: SettingsPlan, format: string, note: (m: string) => void): Promise<void> {
  if (format === 'json' || format === 'ndjson') await printJson(plan.changes, format)
  else if (plan.changes.length) {
    const {formatChanges} = await import('./document.js')
    await out(`${formatChanges(plan.changes)}\n`)
  }
  const readOnly = plan.changes.filter((c) => c.kind === 'read_only').length
  if (readOnly) note(`note: ${readOnly} read-only setting(s) differ; the API cannot set them, so they are not sent`)
  note(
    plan.patches.length
      ? `${plan.changes.length - readOnly} change(s) to send: ${plan.patches.map((p) => `PATCH /v1${p.path}`).join(', ')}`
      : 'no changes: the instance matches the file',
  )
}
