// Loaded into a CLI child with NODE_OPTIONS=--import (test/commands/exit-tail.test.ts). After every write
// to stdout or stderr it lets the event loop turn twice (and timers due within 1 ms fire), then notes what
// is still keeping the process alive (process.getActiveResourcesInfo(): ref'd handles, requests and
// timers). At exit it writes the note taken after the last write to the file named by CLERK_EXIT_PROBE_FILE,
// as JSON, with whether undici loaded.
import {writeFileSync} from 'node:fs'

const file = process.env.CLERK_EXIT_PROBE_FILE
let seq = 0
let snapshot = {writes: 0, resources: []}
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream)
  stream.write = (chunk, ...rest) => {
    if (chunk && chunk.length) {
      const mine = ++seq
      // a timer due within a millisecond of the write (bottleneck's setTimeout(0) after a job) has fired by
      // then: it ends by itself, it is no idle tail; a process that starts fast reaches it before it fires
      setImmediate(() =>
        setTimeout(
          () =>
            setImmediate(() => {
              if (mine === seq) snapshot = {writes: seq, resources: process.getActiveResourcesInfo()}
            }),
          1,
        ),
      )
    }
    return write(chunk, ...rest)
  }
}
process.on('exit', () => {
  // whether Node's fetch (undici) was loaded at all: the raw path uses node:http (src/lib/http/wire.ts)
  const undici = process.moduleLoadList.some((m) => m.includes('undici'))
  if (file) writeFileSync(file, JSON.stringify({...snapshot, totalWrites: seq, undici}))
})
