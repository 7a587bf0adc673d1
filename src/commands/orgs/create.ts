import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {printOne} from '../../lib/output/writer.js'
import {createOrg, orgColumns} from '../../lib/resources/orgs.js'
import {optionalJsonObject} from '../../lib/resources/metadata.js'
import {promptFor} from '../../lib/output/prompts.js'
import {userIdOrEmail} from '../../lib/resources/users/actions.js'

export default class OrgsCreate extends ClerkCommand<typeof OrgsCreate> {
  static safety = 'write' as const
  static summary = 'Create an organization'
  static description = 'Calls POST /v1/organizations. With --created-by, that user becomes its first admin.'
  static examples = [
    '<%= config.bin %> orgs create --name "Acme Inc" --slug acme --created-by user_2abc',
    '<%= config.bin %> orgs create --name Globex --max-members 50 --public-metadata \'{"plan":"pro"}\' -o json',
  ]

  static flags = {
    name: Flags.string({description: 'organization name (asked for at a terminal when missing)'}),
    slug: Flags.string({description: 'unique slug: lowercase letters, digits and dashes (default: from the name)'}),
    'created-by': Flags.string({description: 'the first admin: a user id or an email address'}),
    'max-members': Flags.integer({min: 0, description: 'most memberships allowed (0 = unlimited)'}),
    'public-metadata': Flags.string({aliases: ['public'], description: 'JSON object'}),
    'private-metadata': Flags.string({aliases: ['private'], description: 'JSON object'}),
  }

  async run(): Promise<void> {
    const f = this.flags
    const fields = {
      slug: f.slug,
      created_by: f['created-by'] && (await userIdOrEmail(await this.client(), f['created-by'])),
      max_allowed_memberships: f['max-members'],
      public_metadata: optionalJsonObject('public-metadata', f['public-metadata']),
      private_metadata: optionalJsonObject('private-metadata', f['private-metadata']),
    }
    const name = f.name ?? (await promptFor({interactive: this.cfg.interactive}, 'name', 'Organization name:'))
    const org = await createOrg(await this.client(), {name, ...fields})
    this.note(`created organization ${org.id} (${org.slug})`)
    const columns = orgColumns(this.format)
    await printOne(org, {format: this.format, columns, defaults: Object.keys(columns), select: this.selectedColumns})
  }
}
