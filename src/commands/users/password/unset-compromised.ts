import {compromisedCommand} from '../../../lib/oclif/compromised-command.js'

export default compromisedCommand(false)
