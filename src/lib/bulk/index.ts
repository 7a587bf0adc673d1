/**
 * The bulk toolkit (see runner.ts for the API and an example job):
 *   runBulk(job, options) / bulkExit(result)   run a BulkJob over an input file, exit 0 / 5 / 130
 *   bulkFlags / bulkRunOptions(...)           the shared flags of every bulk command, and their options
 *   outcomeFromError(error)                   classify a failure (retryable or not) for execute()
 *   openInput / readRecords / parseMap        the input readers on their own
 *   JournalWriter / loadJournalState          the journal on its own (users export uses it for checkpoints)
 */
export {type BulkJob, type BulkResult, type BulkRunOptions, type Item, type Outcome, type Prepared, bulkExit, outcomeFromError, runBulk, summaryLine} from './runner.js'
export {type BulkRecord, type InputFormat, INPUT_FORMATS, openInput, parseMap, readRecords} from './input.js'
export {JournalWriter, loadJournalState, readJournal} from './journal.js'
