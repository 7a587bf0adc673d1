import {UserStateCommand} from '../../lib/oclif/user-state-command.js'

export default class UsersUnlock extends UserStateCommand {
  static safety = 'write' as const
  static action = 'unlock' as const
  static summary = 'Remove a lock'
  static description = 'Calls POST /v1/users/{user_id}/unlock.'
  static examples = [
    '<%= config.bin %> users unlock user_2abc',
    '<%= config.bin %> users unlock --email ada@example.com',
    '<%= config.bin %> users unlock user_2abc -o json',
  ]
}
