// The baseline for the bulk import bench: `n` POST /v1/users with a plain fetch loop of `workers` workers,
// no limiter, no journal. Prints {ms, ok}. Usage: node fetch-loop.mjs <url> <key> <n> <workers>
const [url, key, n, workers] = process.argv.slice(2)
let next = 0
let ok = 0
const t = performance.now()
await Promise.all(
  Array.from({length: Number(workers)}, async () => {
    for (let i = next++; i < Number(n); i = next++) {
      const r = await fetch(`${url}/v1/users`, {
        method: 'POST',
        headers: {authorization: `Bearer ${key}`, 'content-type': 'application/json'},
        body: JSON.stringify({
          external_id: `loop-${i}`,
          email_address: [`loop${i}@example.com`],
          first_name: `Ann ${i}`,
        }),
      })
      await r.arrayBuffer()
      if (r.ok) ok++
    }
  }),
)
console.log(JSON.stringify({ms: performance.now() - t, ok}))
