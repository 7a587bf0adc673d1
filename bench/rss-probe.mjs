// Preloaded (NODE_OPTIONS=--import) into a bench child: writes its peak RSS in bytes to BENCH_RSS_FILE at exit.
import {writeFileSync} from 'node:fs'

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE)
    writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024))
})
