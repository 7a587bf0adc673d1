/**
 * Organization domains: /v1/organizations/{id}/domains (create, list, update, delete, verify_ownership) and
 * the instance-wide /v1/organization_domains. Creating needs domains enabled in the instance's organization
 * settings (403 organization_domains_not_enabled otherwise; instance-settings.ts) and an enrollment mode the
 * settings allow; a domain belongs to one organization (422 organization_domain_already_exists).
 */
import {formatInvalid, notFound, raise, valueInvalid} from '../errors.js'
import {newId} from '../ids.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, JsonObject, Store} from '../store.js'
import {parsePage, plusMinus} from '../requests/lists.js'
import {checkParams, requireString} from '../requests/params.js'
import {deleted} from '../requests/replies.js'
import {instanceSettings} from './instance-settings.js'
import {findOrg} from './organizations.js'

const MODES = ['manual_invitation', 'automatic_invitation', 'automatic_suggestion', 'enterprise_sso']
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/
/** Email providers Clerk refuses as an organization's domain (a sample of its list). */
const COMMON = new Set(['gmail.com', 'googlemail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com'])

const domains = (store: Store) => store.collection('organization_domains')

function affiliation(verified: boolean): Json {
  return verified
    ? {status: 'verified', strategy: 'admin', attempts: null, expire_at: null, verified_at: null}
    : {status: 'unverified', strategy: 'email_code', attempts: 0, expire_at: null, verified_at: null}
}

/** The domain as BAPI serves it: the deprecated `verification` mirrors `affiliation_verification`. */
function render(store: Store, d: JsonObject): Json {
  const org = store.collection('organizations').get(d.organization_id)
  return {
    ...d,
    verification: d.affiliation_verification,
    public_organization_data: org
      ? {id: org.id, name: org.name, slug: org.slug, image_url: org.image_url, has_image: Boolean(org.has_image)}
      : null,
  }
}

function checkMode(store: Store, mode: unknown): string {
  if (typeof mode !== 'string' || !MODES.includes(mode))
    throw valueInvalid('enrollment_mode', `enrollment_mode must be one of ${MODES.join(', ')}.`)
  if (mode === 'enterprise_sso')
    throw valueInvalid('enrollment_mode', 'enterprise_sso needs an enterprise connection, which the emulator has not.')
  const allowed = instanceSettings(store, 'organization_settings').domains_enrollment_modes as string[]
  // manual invitations need no enabling; the settings list the automatic modes allowed
  if (mode !== 'manual_invitation' && !allowed.includes(mode))
    throw raise('OrganizationDomainEnrollmentModeNotEnabled', {enrollmentMode: mode})
  return mode
}

function findDomain(store: Store, orgId: string, id: string): JsonObject {
  const d = domains(store).get(id)
  if (!d || d.organization_id !== orgId) throw notFound()
  return d
}

function create({store, params, body}: RequestContext) {
  const org = findOrg(store, params.organization_id)
  checkParams(body, {name: 'string?', enrollment_mode: 'string?', verified: 'boolean'})
  if (!instanceSettings(store, 'organization_settings').domains_enabled) throw raise('OrganizationDomainsNotEnabled')
  const name = requireString(body, 'name').trim().toLowerCase()
  if (!DOMAIN.test(name)) throw formatInvalid('name', `${name} is not a valid domain name.`)
  if (COMMON.has(name)) throw raise('OrganizationDomainCommon')
  const mode = checkMode(store, body.enrollment_mode ?? 'manual_invitation')
  const holder = domains(store)
    .values()
    .find((d) => d.name === name)
  if (holder)
    throw raise(
      holder.organization_id === org.id
        ? 'OrganizationDomainAlreadyExistsForSameOrganization'
        : 'OrganizationDomainAlreadyExists',
    )
  const now = Date.now()
  const d = domains(store).set({
    object: 'organization_domain',
    id: newId('orgdmn'),
    organization_id: org.id,
    name,
    enrollment_mode: mode,
    affiliation_email_address: null,
    affiliation_verification: affiliation(body.verified ?? true),
    ownership_verification: null,
    total_pending_invitations: 0,
    total_pending_suggestions: 0,
    created_at: now,
    updated_at: now,
  })
  return ok(render(store, d))
}

function update({store, params, body}: RequestContext) {
  const org = findOrg(store, params.organization_id)
  const d = findDomain(store, org.id, params.domain_id)
  checkParams(body, {enrollment_mode: 'string?', verified: 'boolean'})
  const next: JsonObject = {...d, updated_at: Date.now()}
  if (body.enrollment_mode != null) next.enrollment_mode = checkMode(store, body.enrollment_mode)
  if (body.verified != null) next.affiliation_verification = affiliation(body.verified)
  return ok(render(store, domains(store).set(next)))
}

function verifyOwnership({store, params}: RequestContext) {
  const org = findOrg(store, params.organization_id)
  const d = findDomain(store, org.id, params.domain_id)
  if ((d.ownership_verification as Json | null)?.status === 'verified') return ok(render(store, d))
  const now = Date.now()
  const next = {
    ...d,
    ownership_verification: {
      status: 'verified',
      strategy: 'manual_override',
      attempts: null,
      expire_at: null,
      verified_at: now,
    },
    updated_at: now,
  }
  return ok(render(store, domains(store).set(next)))
}

/** verified ('true'/'false') and enrollment_mode (values, `-` excludes) filters, as both lists read them. */
function filtered(rows: JsonObject[], q: URLSearchParams, modes: string[]): JsonObject[] {
  const verified = q.get('verified')
  if (verified !== null && verified !== 'true' && verified !== 'false')
    throw valueInvalid('verified', 'verified must be true or false.')
  const {include, exclude} = plusMinus(modes)
  return rows.filter(
    (d) =>
      (verified === null ||
        ((d.affiliation_verification as Json | null)?.status === 'verified') === (verified === 'true')) &&
      (include.size === 0 || include.has(d.enrollment_mode)) &&
      !exclude.has(d.enrollment_mode),
  )
}

function sorted(rows: JsonObject[], raw: string | null): JsonObject[] {
  const spec = raw || '-created_at'
  const field = spec.replace(/^[+-]/, '')
  if (field !== 'created_at' && field !== 'name')
    throw valueInvalid('order_by', 'order_by must be name or created_at, optionally prefixed with + or -.')
  const sign = spec.startsWith('-') ? -1 : 1
  const indexed = rows.map((x, i) => ({x, i}))
  return indexed
    .sort((a, b) => {
      const [p, q] = field === 'name' ? [a.x.name, b.x.name] : [a.x.created_at, b.x.created_at]
      return (p < q ? -sign : p > q ? sign : 0) || sign * (a.i - b.i)
    })
    .map(({x}) => x)
}

const page = (store: Store, rows: JsonObject[], q: URLSearchParams) => {
  const {limit, offset} = parsePage(q)
  return ok({data: rows.slice(offset, offset + limit).map((d) => render(store, d)), total_count: rows.length})
}

export function registerOrganizationDomains(r: Router): void {
  r.post('/v1/organizations/:organization_id/domains', create)
  r.get('/v1/organizations/:organization_id/domains', ({store, params, query}) => {
    const org = findOrg(store, params.organization_id)
    const own = domains(store)
      .values()
      .filter((d) => d.organization_id === org.id)
    return page(store, sorted(filtered(own, query, query.getAll('enrollment_mode')), null), query)
  })
  r.patch('/v1/organizations/:organization_id/domains/:domain_id', update)
  r.delete('/v1/organizations/:organization_id/domains/:domain_id', ({store, params}) => {
    const org = findOrg(store, params.organization_id)
    const d = findDomain(store, org.id, params.domain_id)
    domains(store).delete(d.id)
    return ok(deleted('organization_domain', d.id))
  })
  r.post('/v1/organizations/:organization_id/domains/:domain_id/verify_ownership', verifyOwnership)
  r.get('/v1/organization_domains', ({store, query}) => {
    let rows = domains(store).values()
    const orgId = query.get('organization_id')
    if (orgId) rows = rows.filter((d) => d.organization_id === orgId)
    const search = query.get('query')
    if (search !== null) {
      if (search.trim() === '') throw valueInvalid('query', 'query must not be empty.')
      rows = search.startsWith('org_')
        ? rows.filter((d) => d.organization_id === search)
        : rows.filter((d) => String(d.name).includes(search.toLowerCase()))
    }
    const names = query.getAll('domains')
    if (names.length) rows = rows.filter((d) => names.includes(String(d.name)))
    // enrollment_mode is a comma-separated list here (style: form, explode: false)
    const modes = query.getAll('enrollment_mode').flatMap((v) => v.split(','))
    return page(store, sorted(filtered(rows, query, modes), query.get('order_by')), query)
  })
}
