/**
 * The instance's settings: GET/PATCH /v1/instance, /v1/instance/organization_settings, /communication,
 * /protect, /oauth_application_settings. Each group is one stored object (collection `instance_settings`,
 * id = the group), created with Clerk's defaults for a new development instance on first use, so a GET
 * reflects every PATCH. PATCH /v1/instance answers 204 and takes keys GET never shows (test_mode, hibp, …):
 * they are kept apart (`write_only`) and never rendered, as at Clerk.
 */
import {raise, valueInvalid} from '../errors.js'
import {ok, type RequestContext, type Router} from '../router.js'
import type {Json, Store} from '../store.js'
import {checkParams} from '../requests/params.js'
import {instanceId} from '../requests/replies.js'
import {instanceRoleKey} from './roles.js'

export type SettingsGroup = 'instance' | 'organization_settings' | 'communication' | 'protect' | 'oauth'

const DEFAULT_SCOPES = ['email', 'profile']
const ENROLLMENT_MODES = ['manual_invitation', 'automatic_invitation', 'automatic_suggestion']

function defaults(store: Store, group: SettingsGroup): Json {
  switch (group) {
    case 'instance':
      return {
        object: 'instance',
        id: instanceId(store),
        environment_type: 'development',
        allowed_origins: ['http://localhost:3000'],
        workspace_id: null,
      }
    case 'organization_settings':
      return {
        object: 'organization_settings',
        enabled: true,
        max_allowed_memberships: 0, // no cap, as the emulator's organizations have none by default
        max_allowed_roles: 10,
        max_role_sets_allowed: 10,
        max_allowed_domains: 10,
        max_allowed_permissions: 50,
        creator_role: 'org:admin',
        admin_delete_enabled: true,
        domains_enabled: false,
        slug_disabled: false,
        domains_enrollment_modes: ['manual_invitation'],
        domains_default_role: 'org:member',
        initial_role_set_key: 'role_set:default',
      }
    case 'communication':
      return {object: 'instance_communication', blocked_country_codes: []}
    case 'protect':
      return {object: 'instance_protect', rules_enabled: false, specter_enabled: false, checks_bypassed: false}
    case 'oauth':
      return {
        object: 'oauth_application_settings',
        dynamic_oauth_client_registration: false,
        default_scopes: DEFAULT_SCOPES,
        oauth_jwt_access_tokens: false,
        client_id_metadata_documents_advertised: false,
        client_id_metadata_documents_only_allow_pre_registered_clients: false,
        client_id_metadata_documents_block_implicitly_allowed_clients: false,
      }
  }
}

/** The stored settings of a group (the defaults on first use), without the store's bookkeeping. */
export function instanceSettings(store: Store, group: SettingsGroup): Json {
  const c = store.collection('instance_settings')
  const stored = c.get(group) ?? c.set({id: group, settings: defaults(store, group), write_only: {}})
  return stored.settings as Json
}

function save(store: Store, group: SettingsGroup, changes: Json, writeOnly: Json = {}): Json {
  const c = store.collection('instance_settings')
  const settings = {...instanceSettings(store, group), ...changes}
  c.set({id: group, settings, write_only: {...(c.get(group)?.write_only ?? {}), ...writeOnly}})
  return settings
}

/** Only the keys the request gave a non-null value (null leaves a setting as it is, unless a route says otherwise). */
const given = (body: Json, keys: string[]): Json =>
  Object.fromEntries(keys.filter((k) => body[k] !== undefined && body[k] !== null).map((k) => [k, body[k]]))

function patchInstance({store, body}: RequestContext) {
  checkParams(body, {
    test_mode: 'boolean',
    hibp: 'boolean',
    support_email: 'string?',
    clerk_js_version: 'string?',
    development_origin: 'string?',
    allowed_origins: 'strings',
    cookieless_dev: 'boolean',
    url_based_session_syncing: 'boolean',
    preferred_sign_in_strategy_when_password_required: 'string?',
  })
  const pref = body.preferred_sign_in_strategy_when_password_required
  if (pref != null && !['password', 'otp', ''].includes(pref))
    throw valueInvalid(
      'preferred_sign_in_strategy_when_password_required',
      'preferred_sign_in_strategy_when_password_required must be one of password, otp or an empty string.',
    )
  const {allowed_origins: origins, ...rest} = body
  save(store, 'instance', origins === undefined ? {} : {allowed_origins: origins}, given(rest, Object.keys(rest)))
  return {status: 204, body: undefined}
}

function patchOrganizationSettings({store, body}: RequestContext) {
  checkParams(body, {
    enabled: 'boolean',
    max_allowed_memberships: 'integer',
    admin_delete_enabled: 'boolean',
    domains_enabled: 'boolean',
    slug_disabled: 'boolean',
    domains_enrollment_modes: 'strings',
    creator_role_id: 'string?',
    domains_default_role_id: 'string?',
  })
  const changes = given(body, [
    'enabled',
    'max_allowed_memberships',
    'admin_delete_enabled',
    'domains_enabled',
    'slug_disabled',
    'domains_enrollment_modes',
  ])
  if (typeof changes.max_allowed_memberships === 'number' && changes.max_allowed_memberships < 0)
    throw valueInvalid('max_allowed_memberships', 'max_allowed_memberships must be 0 or greater.')
  const modes = changes.domains_enrollment_modes as string[] | undefined
  const bad = modes?.find((m) => !ENROLLMENT_MODES.includes(m))
  if (bad)
    throw valueInvalid(
      'domains_enrollment_modes',
      `"${bad}" is not an enrollment mode: use ${ENROLLMENT_MODES.slice(1).join(' or ')}.`,
    )
  for (const [param, setting] of [
    ['creator_role_id', 'creator_role'],
    ['domains_default_role_id', 'domains_default_role'],
  ] as const) {
    if (body[param] == null) continue
    const key = instanceRoleKey(store, body[param])
    if (!key) throw raise('OrganizationRoleNotFound', {}, {param_name: param})
    changes[setting] = key
  }
  return ok(save(store, 'organization_settings', changes))
}

function patchCommunication({store, body}: RequestContext) {
  const codes = body.blocked_country_codes
  checkParams(body, {blocked_country_codes: 'strings'})
  if (codes === undefined || codes === null) return ok(instanceSettings(store, 'communication'))
  const p = 'blocked_country_codes'
  if (codes.length > 250) throw valueInvalid(p, `${p} may hold at most 250 codes.`)
  for (const code of codes as string[])
    if (!/^[A-Z]{2}$/.test(code)) throw valueInvalid(p, `"${code}" is not an uppercase ISO 3166-1 alpha-2 code.`)
  if (new Set(codes).size !== codes.length) throw valueInvalid(p, `${p} must not repeat a code.`)
  return ok(save(store, 'communication', {blocked_country_codes: codes}))
}

function patchProtect({store, body}: RequestContext) {
  checkParams(body, {rules_enabled: 'boolean', specter_enabled: 'boolean'})
  return ok(save(store, 'protect', given(body, ['rules_enabled', 'specter_enabled'])))
}

function patchOAuth({store, body}: RequestContext) {
  const flags = [
    'dynamic_oauth_client_registration',
    'oauth_jwt_access_tokens',
    'client_id_metadata_documents_advertised',
    'client_id_metadata_documents_only_allow_pre_registered_clients',
    'client_id_metadata_documents_block_implicitly_allowed_clients',
  ]
  const {default_scopes: scopes, ...rest} = body
  checkParams(rest, Object.fromEntries(flags.map((f) => [f, 'boolean' as const])))
  const changes = given(rest, flags)
  // null resets the scopes to Clerk's defaults (the spec says so); an array replaces them
  if (scopes === null) changes.default_scopes = DEFAULT_SCOPES
  else if (scopes !== undefined) {
    checkParams({default_scopes: scopes}, {default_scopes: 'strings'})
    changes.default_scopes = [...new Set(scopes as string[])]
  }
  return ok(save(store, 'oauth', changes))
}

export function registerInstanceSettings(r: Router): void {
  r.get('/v1/instance', ({store}) => ok(instanceSettings(store, 'instance')))
  r.patch('/v1/instance', patchInstance)
  r.get('/v1/instance/organization_settings', ({store}) => ok(instanceSettings(store, 'organization_settings')))
  r.patch('/v1/instance/organization_settings', patchOrganizationSettings)
  r.get('/v1/instance/communication', ({store}) => ok(instanceSettings(store, 'communication')))
  r.patch('/v1/instance/communication', patchCommunication)
  r.get('/v1/instance/protect', ({store}) => ok(instanceSettings(store, 'protect')))
  r.patch('/v1/instance/protect', patchProtect)
  r.get('/v1/instance/oauth_application_settings', ({store}) => ok(instanceSettings(store, 'oauth')))
  r.patch('/v1/instance/oauth_application_settings', patchOAuth)
}
