import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {TEMPLATE_DEFAULTS, createTemplate, templateBody, templateColumns} from '../../lib/resources/jwt-templates.js'
import {printOne} from '../../lib/output/writer.js'

export const templateFlags = {
  claims: Flags.string({description: 'claims as a JSON object, or @file'}),
  lifetime: Flags.integer({
    min: 30,
    max: 315_360_000,
    description: 'token lifetime in seconds (30..315360000) [default: 60]',
  }),
  'clock-skew': Flags.integer({min: 0, max: 300, description: 'allowed clock skew in seconds [default: 5]'}),
  'signing-algorithm': Flags.string({description: 'with a custom signing key: RS256, ES256, HS256, ...'}),
  'signing-key': Flags.string({description: 'a custom signing key (PEM or secret), or @file; implies a custom key'}),
}

export default class JwtTemplatesCreate extends ClerkCommand<typeof JwtTemplatesCreate> {
  static safety = 'write' as const
  static summary = 'Create a JWT template'
  static description = 'Calls POST /v1/jwt_templates.'
  static examples = [
    `<%= config.bin %> jwt-templates create --name hasura --claims '{"https://hasura.io/jwt/claims":{"x-hasura-user-id":"{{user.id}}"}}'`,
    '<%= config.bin %> jwt-templates create --name supabase --claims @claims.json --lifetime 3600 --signing-algorithm HS256 --signing-key @secret.txt',
  ]
  static flags = {
    name: Flags.string({required: true, description: 'template name (unique)'}),
    ...templateFlags,
    claims: Flags.string({required: true, description: 'claims as a JSON object, or @file'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const body = templateBody({
      name: f.name,
      claims: f.claims,
      lifetime: f.lifetime,
      allowed_clock_skew: f['clock-skew'],
      signing_algorithm: f['signing-algorithm'],
      signing_key: f['signing-key'],
    })
    const t = await createTemplate(await this.client(), body)
    await printOne(t, {
      format: this.format,
      columns: templateColumns(this.format),
      defaults: TEMPLATE_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
