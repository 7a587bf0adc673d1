/**
 * The CLI's bulk jobs as MCP write tools: `users import`, the users bulk actions (`users ban|delete|... --file`),
 * `invitations create --file`, `orgs invite ORG --file` and `invitations revoke --file`. Each takes a `file` on
 * the server's machine or its rows inline, and `confirm`: without it the answer is the plan (nothing is sent);
 * with it the job runs through the CLI's runner, limiter and journal (see bulk.ts for resume and progress).
 */
import {z} from 'zod'

import {INPUT_FORMATS} from '../bulk/formats.js'
import type {BulkRunOptions} from '../bulk/runner.js'
import type {BulkFlagValues} from '../oclif/bulk-flags.js'
import type {Client} from '../http/client.js'
import {type BulkArgs, type BulkCall, MAX_INLINE_ROWS, bulkCall} from './bulk.js'
import {type Tool, type ToolContext, refuseProductionWrites} from './tools.js'

const common = {
  file: z
    .string()
    .min(1)
    .optional()
    .describe(
      "a CSV, JSONL or JSON file on the server's machine (absolute, or relative to the server's working directory); its journal is <file>.journal, as for the CLI",
    ),
  input_format: z.enum(INPUT_FORMATS).optional().describe('the file format (default: from its name, else sniffed)'),
  journal: z
    .string()
    .optional()
    .describe('journal path (default <input>.journal): a later call with the same input and journal resumes it'),
  skip_invalid: z.boolean().optional().describe('send the valid rows even if some are invalid (reported failed)'),
  retry_failed: z.boolean().optional().describe('send rows that failed in an earlier call again'),
  confirm: z
    .boolean()
    .optional()
    .describe('true to run the job; without it the tool answers the plan and sends nothing'),
}
const rows = (what: string) =>
  z
    .array(z.record(z.string(), z.unknown()))
    .min(1)
    .max(MAX_INLINE_ROWS)
    .optional()
    .describe(`${what} inline instead of a file (kept in a private file under the config dir, so the run resumes)`)
const ids = (what: string) =>
  z.array(z.string().min(1)).min(1).max(MAX_INLINE_ROWS).optional().describe(`${what} inline instead of a file`)

const DESCRIBE_BULK =
  "Without confirm: the plan (rows, requests, time at the rate budget), nothing sent. With confirm: runs through the CLI's bulk runner (rate limited, journaled), sends progress notifications, and answers the per-row summary and the report path. A call the client abandoned (or a killed server) resumes on the same call again: rows already done are not sent again."

/** Runner options the way the CLI's flags give them (limiter, concurrency, target), then the call's. */
async function runOptions(
  ctx: ToolContext,
  client: Client,
  o: Partial<BulkRunOptions> & {input: string},
): Promise<BulkRunOptions> {
  const {bulkRunOptions} = await import('../oclif/bulk-flags.js')
  return {...bulkRunOptions({}, ctx.cfg, client, o.notify ?? (() => undefined)), ...o}
}

async function bulkTool(
  ctx: ToolContext,
  args: BulkArgs,
  call: Omit<BulkCall, 'args' | 'run'>,
  run: (
    client: Client,
    o: Partial<BulkRunOptions> & {input: string},
  ) => Promise<import('../bulk/runner.js').BulkResult>,
  rest: Parameters<typeof bulkCall>[1],
): Promise<unknown> {
  refuseProductionWrites(ctx)
  const client = await ctx.client()
  return bulkCall({...call, args, run: (o) => run(client, o)}, rest)
}

/** Flags for the invitation helpers of the CLI: the runner options come from `options`, so only the limit. */
const inviteFlags = (
  o: Partial<BulkRunOptions> & {input: string},
  limit: unknown,
): BulkFlagValues & {file: string; 'invite-limit'?: string} => ({
  file: o.input,
  'input-format': o.format,
  'invite-limit': limit as string | undefined,
})

export const BULK_TOOLS: Tool[] = [
  {
    name: 'users_import',
    description: `Create users from rows (the CLI's \`users import\`): one POST /v1/users per row; fields as BAPI's create-user body (email_address, phone_number, username, first_name, last_name, external_id, password, password_digest + password_hasher, public/private/unsafe_metadata, ...). on_conflict skip|update|fail for users that exist. ${DESCRIBE_BULK}`,
    input: {
      ...common,
      rows: rows('users'),
      on_conflict: z.enum(['skip', 'update', 'fail']).optional().describe('default skip'),
      key: z.enum(['auto', 'external_id', 'email']).optional().describe('what identifies a row’s user (default auto)'),
      skip_password_checks: z.boolean().optional(),
      skip_password_requirement: z.boolean().optional(),
    },
    writes: true,
    run(a, ctx, call) {
      const options = {
        onConflict: (a.on_conflict ?? 'skip') as 'skip',
        keyBy: (a.key ?? 'auto') as 'auto',
        skipPasswordChecks: a.skip_password_checks as boolean | undefined,
        skipPasswordRequirement: a.skip_password_requirement as boolean | undefined,
      }
      return bulkTool(
        ctx,
        a as BulkArgs,
        {tool: 'users_import', params: {job: 'users import', ...options}},
        async (client, o) => {
          const [{userImportJob}, {runBulk}] = await Promise.all([
            import('../resources/users/import.js'),
            import('../bulk/runner.js'),
          ])
          return runBulk(userImportJob(client, options), await runOptions(ctx, client, o))
        },
        call,
      )
    },
  },
  {
    name: 'users_bulk',
    description: `Act on many users (the CLI's \`users <action> --file\`): ban/unban (POST /v1/users/ban|unban, 50 ids a request), delete (DELETE /v1/users/{id}), lock/unlock, set-compromised/unset-compromised (POST /v1/users/{id}/...), metadata (PATCH, or PUT with replace, /v1/users/{id}/metadata; rows {id, public_metadata, private_metadata, unsafe_metadata}). ${DESCRIBE_BULK}`,
    input: {
      action: z.enum(['delete', 'ban', 'unban', 'lock', 'unlock', 'set-compromised', 'unset-compromised', 'metadata']),
      ...common,
      user_ids: ids('user ids (user_...)'),
      rows: rows('rows with an id (and, for metadata, the metadata objects)'),
      replace: z.boolean().optional().describe('metadata: replace each given field instead of merging'),
    },
    writes: true,
    run(a, ctx, call) {
      const action = String(a.action) as 'ban'
      return bulkTool(
        ctx,
        a as BulkArgs,
        {
          tool: `users_${action}`,
          lines: a.user_ids as string[] | undefined,
          params: {job: `users ${action}`, ...(action === ('metadata' as string) ? {replace: Boolean(a.replace)} : {})},
        },
        async (client, o) => {
          const [{userActionJob}, {runBulk}] = await Promise.all([
            import('../resources/users/bulk.js'),
            import('../bulk/runner.js'),
          ])
          const job = userActionJob(client, action, {replace: a.replace as boolean | undefined})
          return runBulk(job as import('../bulk/runner.js').BulkJob<unknown>, await runOptions(ctx, client, o))
        },
        call,
      )
    },
  },
  {
    name: 'invitations_create_bulk',
    description: `Invite people to sign up (the CLI's \`invitations create --file\`): rows {email_address (or email), public_metadata?}; 10 a request to POST /v1/invitations/bulk, paced at Clerk's 25/hour; existing users and pending invitees are skipped. ${DESCRIBE_BULK}`,
    input: {
      ...common,
      rows: rows('people to invite'),
      notify: z.boolean().optional().describe('send the invitation email (default true)'),
      ignore_existing: z.boolean().optional().describe('invite again even with a pending invitation'),
      expires_in_days: z.number().int().min(1).max(365).optional(),
      redirect_url: z.string().optional(),
      public_metadata: z.record(z.string(), z.unknown()).optional(),
      invite_limit: z
        .string()
        .optional()
        .describe("bulk requests allowed if yours differ from Clerk's 25/1h, e.g. 100/1h"),
    },
    writes: true,
    run(a, ctx, call) {
      const defaults = {
        notify: (a.notify as boolean | undefined) ?? true,
        ignoreExisting: a.ignore_existing as boolean | undefined,
        expiresInDays: a.expires_in_days as number | undefined,
        redirectUrl: a.redirect_url as string | undefined,
        publicMetadata: a.public_metadata as Record<string, unknown> | undefined,
      }
      return bulkTool(
        ctx,
        a as BulkArgs,
        {tool: 'invitations_create', params: {job: 'invitations create', ...defaults}},
        async (client, o) => {
          const {inviteInstanceFile} = await import('../resources/invitations/bulk.js')
          const run = {client, cfg: ctx.cfg, flags: inviteFlags(o, a.invite_limit), notify: o.notify!}
          return inviteInstanceFile({...run, options: o}, defaults)
        },
        call,
      )
    },
  },
  {
    name: 'orgs_invite_bulk',
    description: `Invite people to an organization (the CLI's \`orgs invite ORG --file\`): rows {email_address (or email), role?}; 10 a request to POST /v1/organizations/{id}/invitations/bulk, paced at Clerk's 50/hour; members and pending invitees are skipped. ${DESCRIBE_BULK}`,
    input: {
      organization_id: z.string().min(1).describe('org_... or its slug'),
      ...common,
      rows: rows('people to invite'),
      role: z.string().optional().describe('role for rows without one (default org:member)'),
      inviter_user_id: z.string().optional(),
      redirect_url: z.string().optional(),
      public_metadata: z.record(z.string(), z.unknown()).optional(),
      expires_in_days: z.number().int().min(1).max(365).optional(),
      notify: z.boolean().optional().describe('send the invitation email (default true)'),
      invite_limit: z.string().optional().describe("bulk requests allowed if yours differ from Clerk's 50/1h"),
    },
    writes: true,
    async run(a, ctx, call) {
      refuseProductionWrites(ctx)
      const [{checkRoleKey, getOrg}, {checkInstanceRole}] = await Promise.all([
        import('../resources/orgs.js'),
        import('../resources/roles.js'),
      ])
      const defaults = {
        role: checkRoleKey(String(a.role ?? 'org:member')),
        inviter: a.inviter_user_id as string | undefined,
        redirectUrl: a.redirect_url as string | undefined,
        publicMetadata: a.public_metadata as Record<string, unknown> | undefined,
        expiresInDays: a.expires_in_days as number | undefined,
        notify: (a.notify as boolean | undefined) ?? true,
      }
      const client = await ctx.client()
      await checkInstanceRole(client, defaults.role)
      const org = await getOrg(client, String(a.organization_id))
      return bulkTool(
        ctx,
        a as BulkArgs,
        {tool: 'orgs_invite', params: {job: 'orgs invite', organization_id: org.id, ...defaults}},
        async (c, o) => {
          const {inviteOrgFile} = await import('../resources/invitations/bulk.js')
          const run = {client: c, cfg: ctx.cfg, flags: inviteFlags(o, a.invite_limit), notify: o.notify!}
          return inviteOrgFile({...run, options: o}, {id: org.id, slug: org.slug}, defaults)
        },
        call,
      )
    },
  },
  {
    name: 'invitations_revoke_bulk',
    description: `Revoke many invitations (the CLI's \`invitations revoke --file\`): one POST /v1/invitations/{id}/revoke each; already revoked ones are skipped. ${DESCRIBE_BULK}`,
    input: {...common, invitation_ids: ids('invitation ids (inv_...)')},
    writes: true,
    run(a, ctx, call) {
      return bulkTool(
        ctx,
        a as BulkArgs,
        {
          tool: 'invitations_revoke',
          lines: a.invitation_ids as string[] | undefined,
          params: {job: 'invitations revoke'},
        },
        async (client, o) => {
          const [{revokeInvitationsJob}, {runBulk}] = await Promise.all([
            import('../resources/invitations/bulk.js'),
            import('../bulk/runner.js'),
          ])
          return runBulk(revokeInvitationsJob(client), await runOptions(ctx, client, o))
        },
        call,
      )
    },
  },
]
