import {z} from 'zod'

import type {Client, Query} from '../http/client.js'
import type {Config} from '../config/resolve.js'
import {instanceKind} from '../config/resolve.js'
import {CliError, ExitCode, usageError} from '../util/errors.js'
import type {CallContext} from './bulk.js'

/**
 * The MCP tools of `clerk mcp serve`: reads answer BAPI's JSON; writes take `confirm` and, without it,
 * answer the plan (what would be sent) and send nothing. Every request goes through the shared client.
 */
export interface ToolContext {
  client(): Promise<Client>
  cfg: Config
  allowProductionWrites: boolean
}

export interface Tool {
  name: string
  description: string
  input: z.ZodRawShape
  writes: boolean
  run(args: Record<string, unknown>, ctx: ToolContext, call: CallContext): Promise<unknown>
}

export interface Plan {
  method: string
  path: string
  query?: Query
  body?: unknown
}

const id = (what: string) => z.string().min(1).describe(what)
const page = {
  limit: z.number().int().min(1).max(500).optional().describe('page size (BAPI default 10)'),
  offset: z.number().int().min(0).optional(),
}
const seg = (s: unknown) => encodeURIComponent(String(s))
const clean = (q: Record<string, unknown>): Query =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Query

const get = (path: string, query?: Query) => async (ctx: ToolContext) =>
  (await ctx.client()).request('GET', path, {query})

/** Every write tool, single or bulk, plan or not: refused with a production key unless the server allows it. */
export function refuseProductionWrites(ctx: ToolContext): void {
  if (instanceKind(ctx.cfg.secretKey) === 'production' && !ctx.allowProductionWrites)
    throw new CliError('refusing to write to a production instance (sk_live_ key)', ExitCode.FORBIDDEN, {
      code: 'production_write_refused',
      hint: 'start the server with `clerk mcp serve --allow-production-writes` to allow writes',
    })
}

/** A write: the plan without `confirm`, refused on production unless allowed, else sent. */
async function write(plan: Plan, args: Record<string, unknown>, ctx: ToolContext): Promise<unknown> {
  const sent = {...plan, path: `/v1${plan.path}`}
  refuseProductionWrites(ctx)
  if (args.confirm !== true) return {plan: {requests: 1, ...sent}, sent: false, hint: 'call again with confirm: true'}
  const client = await ctx.client()
  return client.request(plan.method, plan.path, {query: plan.query, body: plan.body})
}

const confirm = z.boolean().optional().describe('true to send; without it the tool answers the plan and sends nothing')

export const TOOLS: Tool[] = [
  {
    name: 'users_list',
    description: 'List users (GET /v1/users): filter by query, email address, user id; BAPI JSON',
    input: {
      query: z.string().optional(),
      email_address: z.array(z.string()).optional(),
      user_id: z.array(z.string()).optional(),
      order_by: z.string().optional(),
      ...page,
    },
    writes: false,
    run: (a, ctx) => get('/users', clean(a))(ctx),
  },
  {
    name: 'users_get',
    description: 'One user by id (GET /v1/users/{user_id})',
    input: {user_id: id('user_...')},
    writes: false,
    run: (a, ctx) => get(`/users/${seg(a.user_id)}`)(ctx),
  },
  {
    name: 'orgs_list',
    description: 'List organizations (GET /v1/organizations)',
    input: {query: z.string().optional(), order_by: z.string().optional(), ...page},
    writes: false,
    run: (a, ctx) => get('/organizations', clean(a))(ctx),
  },
  {
    name: 'orgs_get',
    description: 'One organization by id or slug (GET /v1/organizations/{organization_id})',
    input: {organization_id: id('org_... or its slug')},
    writes: false,
    run: (a, ctx) => get(`/organizations/${seg(a.organization_id)}`)(ctx),
  },
  {
    name: 'org_members_list',
    description: "An organization's memberships (GET /v1/organizations/{organization_id}/memberships)",
    input: {organization_id: id('org_... or its slug'), role: z.array(z.string()).optional(), ...page},
    writes: false,
    run: ({organization_id, ...q}, ctx) => get(`/organizations/${seg(organization_id)}/memberships`, clean(q))(ctx),
  },
  {
    name: 'invitations_list',
    description: 'Instance invitations (GET /v1/invitations)',
    input: {
      status: z.enum(['pending', 'accepted', 'revoked', 'expired']).optional(),
      query: z.string().optional(),
      ...page,
    },
    writes: false,
    run: (a, ctx) => get('/invitations', clean(a))(ctx),
  },
  {
    name: 'sessions_list',
    description: 'Sessions of a user or a client (GET /v1/sessions); one of user_id, client_id is required',
    input: {
      user_id: z.string().optional(),
      client_id: z.string().optional(),
      status: z.string().optional(),
      ...page,
    },
    writes: false,
    async run(a, ctx) {
      if (!a.user_id && !a.client_id) throw usageError('sessions_list needs user_id or client_id')
      return get('/sessions', clean(a))(ctx)
    },
  },
  {
    name: 'token_decode',
    description: 'Decode a JWT without verifying it (no request)',
    input: {token: z.string().min(1)},
    writes: false,
    async run(a) {
      const {decodeToken} = await import('../token/decode.js')
      return decodeToken(String(a.token))
    },
  },
  {
    name: 'token_verify',
    description: 'Verify a session or machine token as a backend would (authenticateRequest)',
    input: {
      token: z.string().min(1),
      accepts: z.enum(['session_token', 'api_key', 'm2m_token', 'oauth_token', 'any']).optional(),
      authorized_parties: z.array(z.string()).optional(),
    },
    writes: false,
    async run(a, ctx) {
      const [{prepareVerifyConfig}, {unverifiable, verifyWithSdk}] = await Promise.all([
        import('../token/keys.js'),
        import('../token/verify.js'),
      ])
      const keys = prepareVerifyConfig(ctx.cfg)
      const token = String(a.token)
      const options = {
        acceptsToken: (a.accepts as 'any' | undefined) ?? 'any',
        authorizedParties: a.authorized_parties as string[] | undefined,
        allowPending: false,
        checks: {permission: [], role: [], feature: [], plan: []},
      }
      return unverifiable(token, keys) ?? (await verifyWithSdk(await (await ctx.client()).sdk(), token, options))
    },
  },
  {
    name: 'api_ls',
    description: "The Backend API's operations (spec/operations.json), filtered by a word of the path or summary",
    input: {filter: z.string().optional()},
    writes: false,
    async run(a) {
      const {filterOperations, loadOperations} = await import('../raw-api/request.js')
      return filterOperations(loadOperations(), a.filter as string | undefined)
    },
  },
  {
    name: 'api_get',
    description: 'Any GET of the Backend API, e.g. path "/users/count" or "/v1/organizations?limit=5"',
    input: {path: z.string().min(1), query: z.record(z.string(), z.string()).optional()},
    writes: false,
    async run(a, ctx) {
      const {checkOperation, normalizePath, buildQuery} = await import('../raw-api/request.js')
      const {path, query} = normalizePath(String(a.path))
      checkOperation('GET', path)
      const extra = Object.entries((a.query as Record<string, string> | undefined) ?? {}).map(([k, v]) => `${k}=${v}`)
      return (await ctx.client()).request('GET', path, {query: buildQuery(extra, query)})
    },
  },
  {
    name: 'users_ban',
    description: 'Ban a user (POST /v1/users/{user_id}/ban): revokes sessions, blocks sign-in. Needs confirm: true',
    input: {user_id: id('user_...'), confirm},
    writes: true,
    run: (a, ctx) => write({method: 'POST', path: `/users/${seg(a.user_id)}/ban`}, a, ctx),
  },
  {
    name: 'users_unban',
    description: 'Unban a user (POST /v1/users/{user_id}/unban). Needs confirm: true',
    input: {user_id: id('user_...'), confirm},
    writes: true,
    run: (a, ctx) => write({method: 'POST', path: `/users/${seg(a.user_id)}/unban`}, a, ctx),
  },
  {
    name: 'orgs_invite',
    description:
      'Invite one email address to an organization (POST /v1/organizations/{organization_id}/invitations). Needs confirm: true',
    input: {
      organization_id: id('org_...'),
      email_address: z.string().email(),
      role: z.string().min(1).describe('e.g. org:member'),
      inviter_user_id: z.string().optional(),
      confirm,
    },
    writes: true,
    run: ({organization_id, confirm: c, ...body}, ctx) =>
      write(
        {method: 'POST', path: `/organizations/${seg(organization_id)}/invitations`, body: clean(body)},
        {confirm: c},
        ctx,
      ),
  },
]
