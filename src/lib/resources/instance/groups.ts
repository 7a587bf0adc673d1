/**
 * The instance's settings groups that BAPI can read (a GET) and change (a PATCH), as one document keyed by
 * group. Per group: the keys the PATCH accepts among those the GET returns (everything else the GET returns
 * is read-only and never sent), the keys the PATCH accepts that no GET returns (write-only), and keys sent
 * under another name (organization settings show roles by key but take a role id).
 * Settings with a PATCH and no GET (/instance/restrictions, /beta_features/instance_settings) cannot be read
 * back, so they are not part of the document.
 */
import {ApiError, type Client, type Row} from '../../http/client.js'
import {roleId} from '../roles.js'

export interface SettingsGroup {
  path: string
  /** keys of the GET's answer that the PATCH accepts */
  writable: string[]
  /** keys the PATCH accepts that the GET never returns: they cannot be compared */
  writeOnly?: string[]
  /** a writable key sent under another name, its value translated (one lookup) */
  sendAs?: Record<string, {param: string; value: (client: Client, v: unknown) => Promise<unknown>}>
}

const roleParam = (param: string) => ({param, value: (client: Client, v: unknown) => roleId(client, String(v))})

export const GROUPS: Record<string, SettingsGroup> = {
  instance: {
    path: '/instance',
    writable: ['allowed_origins'],
    writeOnly: [
      'test_mode',
      'hibp',
      'support_email',
      'clerk_js_version',
      'development_origin',
      'cookieless_dev',
      'url_based_session_syncing',
      'preferred_sign_in_strategy_when_password_required',
    ],
  },
  organization_settings: {
    path: '/instance/organization_settings',
    writable: [
      'enabled',
      'max_allowed_memberships',
      'admin_delete_enabled',
      'domains_enabled',
      'slug_disabled',
      'domains_enrollment_modes',
      'creator_role',
      'domains_default_role',
    ],
    sendAs: {creator_role: roleParam('creator_role_id'), domains_default_role: roleParam('domains_default_role_id')},
  },
  communication: {path: '/instance/communication', writable: ['blocked_country_codes']},
  protect: {path: '/instance/protect', writable: ['rules_enabled', 'specter_enabled']},
  oauth_application_settings: {
    path: '/instance/oauth_application_settings',
    writable: [
      'dynamic_oauth_client_registration',
      'default_scopes',
      'oauth_jwt_access_tokens',
      'client_id_metadata_documents_advertised',
      'client_id_metadata_documents_only_allow_pre_registered_clients',
      'client_id_metadata_documents_block_implicitly_allowed_clients',
    ],
  },
}
export const GROUP_NAMES = Object.keys(GROUPS)

export type SettingsDocument = Record<string, Row>

export interface ReadSettings {
  doc: SettingsDocument
  /** groups BAPI would not show (a plan without organizations answers 402/404): group -> why */
  unreadable: Record<string, string>
}

/** Every group, one GET each (in parallel, through the shared limiter); `object` (the type tag) is left out. */
export async function readSettings(client: Client, only: string[] = GROUP_NAMES): Promise<ReadSettings> {
  const doc: SettingsDocument = {}
  const unreadable: Record<string, string> = {}
  const got = await Promise.all(
    only.map(async (name) => {
      try {
        return [name, await client.request<Row>('GET', GROUPS[name].path)] as const
      } catch (error) {
        if (error instanceof ApiError && [402, 403, 404].includes(error.status ?? 0))
          return [name, new Error(`HTTP ${error.status}: ${error.message}`)] as const
        throw error
      }
    }),
  )
  for (const [name, value] of got) {
    if (value instanceof Error) unreadable[name] = value.message
    else {
      const {object: _type, ...rest} = value
      doc[name] = rest
    }
  }
  return {doc, unreadable}
}
