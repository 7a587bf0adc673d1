import {patchCommand} from '../../../lib/oclif/identifier-commands.js'

export default patchCommand('phones', 'set-primary')
