/** Key/value rows for people (`-o table`); scripts get the objects themselves as JSON. */
import type {DecodedToken} from './decode.js'
import type {TokenResult} from './result.js'

const json = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))

export function resultRows(r: TokenResult): Array<[string, unknown]> {
  const rows: Array<[string, unknown]> = [
    [
      'Status',
      r.valid
        ? 'VALID (signed in)'
        : r.status === 'forbidden'
          ? 'FORBIDDEN (signed in, a check failed)'
          : r.status === 'error'
            ? 'ERROR (could not verify)'
            : 'NOT AUTHENTICATED',
    ],
  ]
  if (r.reason) rows.push(['Reason', r.reason])
  if (r.message) rows.push(['Message', r.message])
  if (r.tokenType) rows.push(['Token type', r.tokenType])
  const labels: Record<string, string> = {
    userId: 'User',
    sessionId: 'Session',
    sessionStatus: 'Session status',
    orgId: 'Organization',
    orgRole: 'Org role',
    orgSlug: 'Org slug',
    orgPermissions: 'Org permissions',
    actor: 'Actor',
    id: 'Id',
    subject: 'Subject',
    name: 'Name',
    machineId: 'Machine',
    clientId: 'Client',
    scopes: 'Scopes',
  }
  for (const [field, label] of Object.entries(labels)) {
    const v = r[field]
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue
    rows.push([label, Array.isArray(v) ? v.join(', ') : json(v)])
  }
  if (r.expiresAt) rows.push(['Expires', `${r.expiresAt} (${r.expires})`])
  const checks = r.checks as Array<{check: string; value: string; ok: boolean}> | undefined
  if (checks) rows.push(['Checks', checks.map((c) => `${c.ok ? 'ok' : 'FAILED'} ${c.check} ${c.value}`).join('\n')])
  if (r.claims) rows.push(['Claims', JSON.stringify(r.claims, null, 1)])
  return rows
}

export function decodedRows(d: DecodedToken): Array<[string, unknown]> {
  const rows: Array<[string, unknown]> = [
    ['UNVERIFIED', 'signature, issuer and times NOT checked'],
    ['Kind', d.kind],
    ['Header', JSON.stringify(d.header)],
  ]
  for (const [claim, value] of Object.entries(d.claims)) {
    const t = d.times[claim]
    rows.push([claim, t ? `${t.iso} (${t.relative})` : json(value)])
  }
  return rows
}
