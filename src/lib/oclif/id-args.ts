/**
 * Arguments that name a resource by id: checked while parsing (exit 2 before any request) against the
 * form of that resource's ids (src/lib/util/ids.ts). Every argument that ends up in a URL path is one of
 * these; test/guards/safety.test.ts fails on an argument that is neither an id argument nor on its list
 * of free-text arguments.
 *
 *   static args = {id: idArg('sess', {required: true, description: 'session id (sess_...)'})}
 *   static args = {org: idArg('org', {slug: true, required: true, description: 'organization id or slug'})}
 */
import {Args} from '@oclif/core'

import {type IdKind, type IdOptions, checkId} from '../util/ids.js'

const _requiredArg = () => Args.string({required: true})
const _optionalArg = () => Args.string({})
type IdArgOptions = Omit<IdOptions, 'name'> & {description: string}

export function idArg(
  kind: IdKind,
  options: IdArgOptions & {required: true},
): ReturnType<typeof _requiredArg> & {idKind: IdKind}
export function idArg(
  kind: IdKind,
  options: IdArgOptions & {required?: false},
): ReturnType<typeof _optionalArg> & {idKind: IdKind}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function idArg(kind: IdKind, options: IdArgOptions & {required?: boolean}): any {
  const {required, description, ...check} = options
  const arg = Args.string({
    required: Boolean(required),
    description,
    parse: async (input: string) => checkId(kind, input, check),
  })
  return Object.assign(arg, {idKind: kind})
}

/** Extra ids of a variadic command (strict = false), checked the same way. */
export const checkIds = (kind: IdKind, ids: string[], options: Omit<IdOptions, 'name'> = {}) =>
  ids.map((id) => checkId(kind, id, options))
