import {Flags} from '@oclif/core'

import {ClerkCommand} from '../../lib/oclif/command.js'
import {expiresInFlag} from '../../lib/oclif/machine-flags.js'
import {printOne} from '../../lib/output/writer.js'
import {M2M_CREATED_DEFAULTS, createM2mToken, m2mColumns} from '../../lib/resources/machines/m2m-tokens.js'
import {optionalJsonObject} from '../../lib/resources/metadata.js'
import {checkId} from '../../lib/util/ids.js'

export default class M2mTokensCreate extends ClerkCommand<typeof M2mTokensCreate> {
  static safety = 'write' as const
  static summary = 'Mint an M2M token as a machine; the token is printed once, on stdout'
  static description =
    "Calls POST /m2m_tokens with the machine's own secret key as the bearer: from CLERK_MACHINE_SECRET_KEY, or read with GET /v1/machines/{machine_id}/secret_key for --machine. Neither key nor token is logged."
  static examples = [
    '<%= config.bin %> m2m-tokens create --machine mch_2abc --expires-in 300',
    `CLERK_MACHINE_SECRET_KEY=ak_... <%= config.bin %> m2m-tokens create --claims '{"job":"nightly"}' -o json`,
  ]
  static flags = {
    machine: Flags.string({description: 'mint as this machine (mch_...); else CLERK_MACHINE_SECRET_KEY'}),
    claims: Flags.string({description: 'custom claims as a JSON object, or @file'}),
    reuse: Flags.integer({
      min: 0,
      description: 'return a live token with the same claims and at least this many seconds left, if there is one',
    }),
    ...expiresInFlag,
  }

  async run(): Promise<void> {
    const f = this.flags
    const token = await createM2mToken(await this.client(), {
      machine: f.machine === undefined ? undefined : checkId('mch', f.machine, {name: '--machine'}),
      machineSecretKey: process.env.CLERK_MACHINE_SECRET_KEY || undefined,
      claims: optionalJsonObject('claims', f.claims),
      expiresInSeconds: f['expires-in'],
      reuseMinSeconds: f.reuse,
    })
    await printOne(token, {
      format: this.format,
      columns: m2mColumns(this.format),
      defaults: M2M_CREATED_DEFAULTS,
      select: this.selectedColumns,
    })
  }
}
