import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {idArg} from '../../lib/oclif/id-args.js'
import {expiresInFlag} from '../../lib/oclif/machine-flags.js'
import {printOne} from '../../lib/output/writer.js'
import {API_KEY_DEFAULTS, apiKeyColumns, subjectId, updateApiKey} from '../../lib/resources/machines/api-keys.js'
import {optionalJsonObject} from '../../lib/resources/metadata.js'

export default class ApiKeysUpdate extends ClerkCommand<typeof ApiKeysUpdate> {
  static safety = 'write' as const
  static summary = "Change an API key's description, scopes, claims, subject or expiry"
  static description = 'Calls PATCH /api_keys/{apiKeyID}. --scope replaces the scopes (repeatable).'
  static examples = [
    '<%= config.bin %> api-keys update ak_3beecc9c60adb5f9b850e91a8ee1e992 --scope read --expires-in 86400',
  ]
  static args = {id: idArg('ak', {required: true, description: 'API key id (ak_...)'})}
  static flags = {
    description: Flags.string({description: 'what the key is for'}),
    scope: Flags.string({multiple: true, description: 'a scope (repeatable; replaces the scopes)'}),
    claims: Flags.string({description: 'custom claims as a JSON object, or @file'}),
    subject: Flags.string({description: 'move the key to user_..., org_... or mch_...'}),
    ...expiresInFlag,
  }

  async run(): Promise<void> {
    const f = this.flags
    const key = await updateApiKey(await this.client(), this.args.id, {
      description: f.description,
      scopes: f.scope,
      claims: optionalJsonObject('claims', f.claims),
      subject: f.subject === undefined ? undefined : subjectId(f.subject),
      expiresInSeconds: f['expires-in'],
    })
    await printOne(key, {
      format: this.format,
      columns: apiKeyColumns(this.format),
      defaults: API_KEY_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
