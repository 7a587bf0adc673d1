import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {expiresInFlag} from '../../lib/oclif/machine-flags.js'
import {printOne} from '../../lib/output/writer.js'
import {
  API_KEY_CREATED_DEFAULTS,
  apiKeyColumns,
  createApiKey,
  subjectId,
} from '../../lib/resources/machines/api-keys.js'
import {optionalJsonObject} from '../../lib/resources/metadata.js'
import {checkId} from '../../lib/util/ids.js'

export default class ApiKeysCreate extends ClerkCommand<typeof ApiKeysCreate> {
  static safety = 'write' as const
  static summary = 'Create an API key; its secret is printed once, on stdout'
  static description =
    'Calls POST /api_keys. The answer carries the secret (ak_...): store it now (api-keys secret shows it again). It is printed to stdout only, never logged.'
  static examples = [
    '<%= config.bin %> api-keys create --subject user_2abc --name ci-deploy --scope read --scope write',
    `<%= config.bin %> api-keys create --subject org_2abc --name reporting --expires-in 2592000 --claims '{"team":"data"}' -o json`,
  ]
  static flags = {
    subject: Flags.string({required: true, description: 'whose key: user_..., org_... or mch_...'}),
    name: Flags.string({required: true, description: 'key name (3 characters or more)'}),
    description: Flags.string({description: 'what the key is for'}),
    scope: Flags.string({multiple: true, description: 'a scope (repeatable)'}),
    claims: Flags.string({description: 'custom claims as a JSON object, or @file'}),
    'created-by': Flags.string({description: 'the user who made it (user_...)'}),
    ...expiresInFlag,
  }

  async run(): Promise<void> {
    const f = this.flags
    const key = await createApiKey(await this.client(), {
      subject: subjectId(f.subject),
      name: f.name,
      description: f.description,
      scopes: f.scope,
      claims: optionalJsonObject('claims', f.claims),
      createdBy: f['created-by'] === undefined ? undefined : checkId('user', f['created-by'], {name: '--created-by'}),
      expiresInSeconds: f['expires-in'],
    })
    await printOne(key, {
      format: this.format,
      columns: apiKeyColumns(this.format),
      defaults: API_KEY_CREATED_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
