import {UserStateCommand} from '../../lib/oclif/user-state-command.js'

export default class UsersUnban extends UserStateCommand {
  static safety = 'write' as const
  static action = 'unban' as const
  static summary = 'Lift a ban'
  static description = 'Calls POST /v1/users/{user_id}/unban.'
  static examples = [
    '<%= config.bin %> users unban user_2abc',
    '<%= config.bin %> users unban --email ada@example.com',
    '<%= config.bin %> users unban user_2abc -o json',
  ]
}
