/** Pieces of the routes' answers: an object by id (or 404), a DeletedObject, error replies, the instance id, random tokens. */
import {ErrorResponse, notFound} from '../errors.js'
import {base62} from '../ids.js'
import type {Collection, JsonObject, Store} from '../store.js'

export function find(c: Collection<JsonObject>, id: string): JsonObject {
  const obj = c.get(id)
  if (!obj) throw notFound()
  return obj
}

export const deleted = (object: string, id: string) => ({object, id, deleted: true})

/** The emulated instance's id (stable per store: derived once and kept in the `instance` collection). */
export function instanceId(store: Store): string {
  const c = store.collection('instance')
  const existing = c.values()[0]
  if (existing) return existing.id
  return c.set({id: `ins_${base62(27)}`}).id
}

export const randomToken = (n = 48) => base62(n)

export const badRequest = (code: string, message: string, longMessage: string) =>
  new ErrorResponse(400, [{code, message, long_message: longMessage}])

export const unprocessable = (code: string, message: string, longMessage: string, param?: string) =>
  new ErrorResponse(422, [
    param
      ? {code, message, long_message: longMessage, meta: {param_name: param}}
      : {code, message, long_message: longMessage},
  ])
