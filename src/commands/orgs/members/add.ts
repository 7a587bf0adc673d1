import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../../lib/oclif/command.js'
import {printOne} from '../../../lib/output/writer.js'
import {addMember, memberColumns} from '../../../lib/resources/orgs.js'
import {optionalJsonObject} from '../../../lib/resources/metadata.js'
import {idArg} from '../../../lib/oclif/id-args.js'

export default class OrgsMembersAdd extends ClerkCommand<typeof OrgsMembersAdd> {
  static safety = 'write' as const
  static summary = 'Add an existing user to an organization'
  static description =
    'Calls POST /v1/organizations/{id}/memberships (an email address is looked up with GET /v1/users first). To add people who have no account yet, use `orgs invite`.'
  static examples = [
    '<%= config.bin %> orgs members add acme user_2abc',
    '<%= config.bin %> orgs members add org_2abc ada@example.com --role org:admin',
  ]

  static args = {
    org: idArg('org', {slug: true, required: true, description: 'organization id (org_...) or slug'}),
    user: idArg('user', {email: true, required: true, description: 'user id (user_...) or email address'}),
  }

  static flags = {
    role: Flags.string({default: 'org:member', description: 'role key, e.g. org:admin'}),
    'public-metadata': Flags.string({description: 'JSON object stored on the membership'}),
  }

  async run(): Promise<void> {
    const m = await addMember(
      await this.client(),
      this.args.org,
      this.args.user,
      this.flags.role,
      optionalJsonObject('public-metadata', this.flags['public-metadata']),
    )
    this.note(
      `added ${m.public_user_data?.identifier ?? m.public_user_data?.user_id} to ${m.organization.slug} as ${m.role}`,
    )
    const columns = memberColumns(this.format)
    await printOne(m, {format: this.format, columns, defaults: Object.keys(columns), select: this.selectedColumns})
  }
}
