/**
 * A compact index of the operations in Clerk's OpenAPI spec (spec/openapi.yml), for `clerk api ls`, path
 * checks and suggestions. Parsing the 20k-line YAML costs ~0.5 s, so the index is generated once
 * (`node scripts/api-index.js`, checked by a test) and shipped as spec/operations.json.
 */

/** [method, path template, summary, operationId, max page size (0 when the operation does not page), deprecated] */
export type OperationTuple = [string, string, string, string, number, boolean]

export interface Operation {
  method: string
  path: string
  summary: string
  operation_id: string
  /** the most `limit` takes, or 0 when the operation has no limit/offset paging */
  page_max: number
  deprecated: boolean
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any

/** Build the index from the spec's text (YAML). */
export async function buildApiIndex(specText: string): Promise<OperationTuple[]> {
  const {parse} = (await import('yaml')).default // a CommonJS package: bundled, its default only
  const spec = parse(specText, {maxAliasCount: -1}) as Any
  const resolve = (node: Any): Any => {
    let n = node
    while (n?.$ref)
      n = n.$ref
        .slice(2)
        .split('/')
        .reduce((o: Any, k: string) => o?.[k], spec)
    return n
  }
  const out: OperationTuple[] = []
  for (const [path, item] of Object.entries(spec.paths as Record<string, Any>)) {
    for (const method of METHODS) {
      const op = item?.[method]
      if (!op) continue
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve)
      const limit = params.find((p: Any) => p?.in === 'query' && p.name === 'limit')
      const offset = params.find((p: Any) => p?.in === 'query' && p.name === 'offset')
      const pageMax = limit && offset ? Number(limit.schema?.maximum ?? 500) : 0
      out.push([
        method.toUpperCase(),
        path,
        String(op.summary ?? '').trim(),
        String(op.operationId ?? ''),
        pageMax,
        Boolean(op.deprecated),
      ])
    }
  }
  return out
}

export const toOperation = ([method, path, summary, operationId, pageMax, deprecated]: OperationTuple): Operation => ({
  method,
  path,
  summary,
  operation_id: operationId,
  page_max: pageMax,
  deprecated,
})
