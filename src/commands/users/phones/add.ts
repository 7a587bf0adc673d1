import {addCommand} from '../../../lib/oclif/identifier-commands.js'

export default addCommand('phones')
