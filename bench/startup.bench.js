// `clerk --version` and `clerk users list --help` wall time vs `node -e 0`, interleaved in one run.
import {BIN, fmt, median, timeCommand} from './lib.js'

const N = Number(process.env.BENCH_RUNS ?? 15)
const base = []
const version = []
const help = []
for (let i = 0; i < N; i++) {
  base.push(...timeCommand(process.execPath, ['-e', '0'], 1))
  version.push(...timeCommand(process.execPath, [BIN, '--version'], 1))
  help.push(...timeCommand(process.execPath, [BIN, 'users', 'list', '--help'], 1))
}
const b = median(base)
console.log(`node -e 0                 median ${fmt(b)} ms (${N} runs)`)
console.log(`clerk --version           median ${fmt(median(version))} ms  = ${fmt(median(version) / b, 2)}x node -e 0`)
console.log(`clerk users list --help   median ${fmt(median(help))} ms  = ${fmt(median(help) / b, 2)}x node -e 0`)
