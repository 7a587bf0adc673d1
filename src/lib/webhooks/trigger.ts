/** `webhooks trigger`: one signed event (a sample payload or your own data) POSTed to an endpoint. */
import {readFile} from 'node:fs/promises'

import {usageError} from '../util/errors.js'
import {readStdin} from '../util/stdin.js'
import {postRaw} from './http.js'
import {EVENT_TYPES, eventEnvelope, newInstanceId, sampleData} from './samples.js'
import {newMessageId, signedHeaders} from './sign.js'

export interface TriggerOptions {
  type: string
  url: string
  secret: string
  /** a JSON file (or -) with the event's `data`, or a whole event (`object: "event"`) */
  dataFile?: string
  instanceId?: string
  timeoutMs?: number
}

export interface TriggerResult {
  svix_id: string
  type: string
  url: string
  status: number
  ok: boolean
  body: string
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function readData(path: string): Promise<Record<string, any>> {
  let text: string
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8')
  } catch (error) {
    throw usageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  try {
    const v = JSON.parse(text)
    if (v && typeof v === 'object' && !Array.isArray(v)) return v
  } catch {}
  throw usageError(`${path}: expected a JSON object (the event's data, or a whole event)`)
}

export async function triggerEvent(o: TriggerOptions): Promise<TriggerResult> {
  const now = Date.now()
  let event
  if (o.dataFile) {
    const doc = await readData(o.dataFile)
    event =
      doc.object === 'event' && 'data' in doc
        ? {...doc, type: o.type}
        : eventEnvelope(o.type, doc, o.instanceId ?? newInstanceId(), now)
  } else {
    const data = sampleData(o.type, now)
    if (!data)
      throw usageError(`no sample payload for "${o.type}"`, `known: ${EVENT_TYPES.join(', ')}; or pass --data FILE`)
    event = eventEnvelope(o.type, data, o.instanceId ?? newInstanceId(), now)
  }
  const body = JSON.stringify(event)
  const svixId = newMessageId()
  const answer = await postRaw(
    o.url,
    body,
    {...signedHeaders(o.secret, svixId, body, now), 'user-agent': 'Svix-Webhooks/1.0 (clerk-admin)'},
    o.timeoutMs,
  )
  return {
    svix_id: svixId,
    type: o.type,
    url: o.url,
    status: answer.status,
    ok: answer.status >= 200 && answer.status < 300,
    body: answer.body,
  }
}
