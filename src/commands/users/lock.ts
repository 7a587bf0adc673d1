import {UserStateCommand} from '../../lib/oclif/user-state-command.js'

export default class UsersLock extends UserStateCommand {
  static safety = 'destructive' as const
  static action = 'lock' as const
  static summary = 'Lock a user out of signing in until the lock expires (asks first; --yes without a terminal)'
  static description =
    'Calls POST /v1/users/{user_id}/lock. At a terminal it asks for confirmation (with an sk_live_ key you type the user id); without one it needs --yes.'
  static examples = [
    '<%= config.bin %> users lock user_2abc',
    '<%= config.bin %> users lock --email ada@example.com --yes',
    '<%= config.bin %> users lock user_2abc --yes -o json',
  ]
}
