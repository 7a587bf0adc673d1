import {UserStateCommand} from '../../lib/oclif/user-state-command.js'

export default class UsersBan extends UserStateCommand {
  static safety = 'destructive' as const
  static action = 'ban' as const
  static summary = 'Ban a user: revokes their sessions and blocks sign-in (asks first; --yes without a terminal)'
  static description =
    'Calls POST /v1/users/{user_id}/ban. At a terminal it asks for confirmation (with an sk_live_ key you type the user id); without one it needs --yes.'
  static examples = [
    '<%= config.bin %> users ban user_2abc',
    '<%= config.bin %> users ban --email ada@example.com --yes',
    '<%= config.bin %> users ban user_2abc --yes -o json',
  ]
}
