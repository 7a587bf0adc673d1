import {Args, Flags} from '@oclif/core'

import {formatHead, paginateAll, prepareApiRequest} from '../lib/raw-api/request.js'
import {ClerkCommand} from '../lib/oclif/command.js'
import {instanceKind} from '../lib/config/resolve.js'
import {toCliError, usageError} from '../lib/util/errors.js'
import {out, printJson, printList} from '../lib/output/writer.js'

export default class Api extends ClerkCommand<typeof Api> {
  static safety = 'write' as const
  static summary = 'Call any Backend API endpoint (paced and retried like every command); JSON out'
  static description = `PATH is relative to /v1 (e.g. /users/user_123) and is checked against the OpenAPI spec shipped with the CLI; an unknown one is exit 2 with the closest paths (see \`clerk api ls\`).
Fields: -f key=value sends a string, -F key=value a typed value (true, false, null, numbers; @file or @- reads a file or stdin); key[sub]=v nests, key[]=v appends. With a body the method defaults to POST; for GET the fields go to the query string.
An error answer (4xx/5xx) prints its JSON body on stdout and exits 3 (401), 4 (403) or 1.
With a production (sk_live_) key any method but GET asks first (type the path); --yes when there is no terminal.`
  static examples = [
    '<%= config.bin %> api /users -q limit=5',
    '<%= config.bin %> api /users --paginate -o ndjson > users.ndjson',
    '<%= config.bin %> api POST /allowlist_identifiers -f identifier=a@example.com -F notify=false',
    '<%= config.bin %> api PATCH /users/user_123/metadata -F public_metadata[plan]=pro -F public_metadata[seats]=5',
    '<%= config.bin %> api POST /waitlist_entries/bulk --input entries.json',
    '<%= config.bin %> api -i /jwks',
  ]
  static args = {
    method_or_path: Args.string({
      required: true,
      ignoreStdin: true,
      description: 'HTTP method (GET, POST, PUT, PATCH, DELETE) or the path',
    }),
    path: Args.string({ignoreStdin: true, description: 'path, when a method is given first'}),
  }
  static flags = {
    method: Flags.string({char: 'X', description: 'HTTP method [default: GET, or POST with a body]'}),
    'raw-field': Flags.string({
      char: 'f',
      multiple: true,
      multipleNonGreedy: true,
      description: 'string field key=value (repeatable)',
    }),
    field: Flags.string({
      char: 'F',
      multiple: true,
      multipleNonGreedy: true,
      description: 'typed field key=value: true/false/null/numbers, @file (repeatable)',
    }),
    query: Flags.string({
      char: 'q',
      multiple: true,
      multipleNonGreedy: true,
      description: 'query parameter key=value (repeatable; repeat a key for a list)',
    }),
    input: Flags.string({description: 'raw JSON request body from a file, or - for stdin'}),
    paginate: Flags.boolean({description: 'follow limit/offset through every page; prints every item'}),
    'page-size': Flags.integer({
      min: 1,
      max: 500,
      description: 'page size for --paginate [default: the most the endpoint takes]',
    }),
    include: Flags.boolean({
      char: 'i',
      description: 'print the HTTP status line and headers before the body (with --paginate: on stderr, per page)',
    }),
    'skip-check': Flags.boolean({description: 'send even when the path is not in the OpenAPI spec'}),
    yes: Flags.boolean({char: 'y', description: 'with a production key: send a non-GET request without asking'}),
  }

  /** A changing request on a production instance is confirmed like any destructive command. */
  protected confirmationRequired(method: string): boolean {
    return method.toUpperCase() !== 'GET' && instanceKind(this.cfg.secretKey) === 'production'
  }

  async run(): Promise<void> {
    const f = this.flags
    // the API's JSON passes through as it is: there are no columns to pick or lay out
    if (f.output === 'csv' || f.output === 'table')
      throw usageError(
        `clerk api prints the API's JSON: -o ${f.output} does not apply`,
        'use -o json (the default) or -o ndjson',
      )
    if (f.columns !== undefined)
      throw usageError(
        '--columns does not apply to clerk api (it prints the JSON as the API sent it)',
        "pipe it to jq, e.g. | jq '.[] | {id}'",
      )
    const words = [this.args.method_or_path, this.args.path].filter((w): w is string => w !== undefined)
    const req = prepareApiRequest({
      words,
      method: f.method,
      rawFields: f['raw-field'] ?? [],
      fields: f.field ?? [],
      query: f.query ?? [],
      input: f.input,
      paginate: f.paginate,
      skipCheck: f['skip-check'],
    })
    if (this.confirmationRequired(req.method))
      await this.confirm(`send ${req.method} ${req.path} to the production instance`, {typed: req.path, yes: f.yes})
    const client = await this.client()
    const ndjson = this.format === 'ndjson'
    if (f.paginate) {
      const pageSize = f['page-size'] ?? (Number(req.query.limit) || req.operation?.page_max || 500)
      const items = paginateAll(client, {
        path: req.path,
        query: req.query,
        pageSize,
        onPage: f.include ? (r) => process.stderr.write(formatHead(r)) : undefined,
      })
      await printList(items, {format: ndjson ? 'ndjson' : 'json', columns: {}, defaults: []})
      return
    }
    const res = await client.send(req.method, req.path, {query: req.query, body: req.body})
    if (f.include) await out(formatHead(res))
    // --jq shapes a successful answer; an error answer's body is printed as it came
    if (res.status < 400 && f.jq !== undefined) await printJson(res.data, 'json')
    else if (typeof res.data === 'string') await out(res.data && !res.data.endsWith('\n') ? `${res.data}\n` : res.data)
    else await out(`${ndjson ? JSON.stringify(res.data) : JSON.stringify(res.data, null, 2)}\n`)
    if (res.status >= 400) {
      const {apiErrorFrom} = await import('../lib/http/client.js')
      throw toCliError(apiErrorFrom(res))
    }
  }
}
