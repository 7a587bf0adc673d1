import {removeCommand} from '../../../lib/oclif/identifier-commands.js'

export default removeCommand('emails')
