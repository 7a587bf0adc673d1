import {redactSecrets as redact} from '../util/redact.js'
import {toCliError, ExitCode} from '../util/errors.js'
import {TOOLS, type ToolContext} from './tools.js'
import {BULK_TOOLS} from './bulk-tools.js'
import type {CallContext} from './bulk.js'

/**
 * `clerk mcp serve`: the tools of tools.ts on the official MCP SDK over stdio (loaded only here). Answers are
 * BAPI's JSON as text; errors are tool errors carrying the CLI's message, code and exit code.
 */
export async function serveMcp(ctx: ToolContext, version: string): Promise<void> {
  const [{McpServer}, {StdioServerTransport}] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/mcp.js'),
    import('@modelcontextprotocol/sdk/server/stdio.js'),
  ])
  const server = new McpServer({name: 'clerk-admin', version})
  const secret = ctx.cfg.secretKey
  for (const tool of [...TOOLS, ...BULK_TOOLS]) {
    server.registerTool(
      tool.name,
      {
        description: tool.description,
        inputSchema: tool.input,
        annotations: {readOnlyHint: !tool.writes, destructiveHint: tool.writes},
      },
      async (args: Record<string, unknown>, extra) => {
        const token = extra._meta?.progressToken
        const call: CallContext = {
          signal: extra.signal,
          // notifications/progress for the request's progressToken (MCP spec, "Progress")
          progress:
            token === undefined
              ? undefined
              : (progress, total, message) =>
                  void extra
                    .sendNotification({
                      method: 'notifications/progress',
                      params: {progressToken: token, progress, ...(total === undefined ? {} : {total}), message},
                    })
                    .catch(() => undefined),
        }
        try {
          const result = await tool.run(args, ctx, call)
          return {content: [{type: 'text' as const, text: redact(JSON.stringify(result, null, 2), secret)}]}
        } catch (error) {
          const e = toCliError(error)
          const body = {
            error: {
              code: e.extra.code ?? (e.exitCode === ExitCode.USAGE ? 'usage_error' : 'failure'),
              message: redact(e.message, secret),
              hint: e.extra.hint ? redact(e.extra.hint, secret) : null,
              exit: e.exitCode,
              ...(e.extra.status === undefined ? {} : {status: e.extra.status}),
              ...(e.extra.preview ? {details: e.extra.preview} : {}),
            },
          }
          return {isError: true, content: [{type: 'text' as const, text: JSON.stringify(body)}]}
        }
      },
    )
  }
  const transport = new StdioServerTransport()
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve()
    process.stdin.once('end', () => resolve())
  })
  await server.connect(transport)
  await closed
  await server.close().catch(() => undefined)
}
