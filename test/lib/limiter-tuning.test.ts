/**
 * bottleneck's local limiter, as Limiter.create tunes it (src/lib/http/limiter.ts tuneBottleneck): the
 * per-step `setTimeout(0)` yields that capped it at ~350 jobs/s are gone, events nobody listens to cost
 * nothing, and a listened event still arrives. Counted in timers, not timed.
 */
import Bottleneck from '@maselious/bottleneck'
import {afterEach, describe, expect, it, vi} from 'vitest'

import {Limiter, tuneBottleneck} from '../../src/lib/http/limiter.js'

afterEach(() => vi.restoreAllMocks())

async function timersFor(jobs: number, run: (job: () => Promise<number>) => Promise<number>): Promise<number> {
  const timeouts = vi.spyOn(globalThis, 'setTimeout')
  const done = await Promise.all(Array.from({length: jobs}, (_, i) => run(async () => i)))
  expect(done).toEqual(Array.from({length: jobs}, (_, i) => i))
  const n = timeouts.mock.calls.length
  timeouts.mockRestore()
  return n
}

describe('the tuned bottleneck', () => {
  it('finds the internals it tunes in this bottleneck', () => {
    expect(tuneBottleneck(new Bottleneck({maxConcurrent: 4}))).toEqual({yieldLoop: true, events: true, locks: true})
  })

  it('starts a job with one timer (bottleneck: four), and through the Limiter adds none at a pace under 1 ms', async () => {
    const plain = new Bottleneck({maxConcurrent: 8, minTime: 0})
    const tuned = new Bottleneck({maxConcurrent: 8, minTime: 0})
    tuneBottleneck(tuned)
    expect(await timersFor(40, (job) => plain.schedule(job))).toBeGreaterThanOrEqual(40 * 3)
    expect(await timersFor(40, (job) => tuned.schedule(job))).toBeLessThanOrEqual(40)
    const limiter = await Limiter.create({rate: {limit: 1_000_000, windowMs: 1000}, maxConcurrent: 8})
    expect(await timersFor(40, (job) => limiter.run(job))).toBeLessThanOrEqual(40)
    await limiter.stop()
  })

  it('still delivers an event somebody listens to, and a job that fails still fails', async () => {
    const b = new Bottleneck({maxConcurrent: 2})
    tuneBottleneck(b)
    const done: unknown[] = []
    b.on('done', (info) => done.push(info))
    await b.schedule(async () => 1)
    await expect(b.schedule(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(done).toHaveLength(2)
  })
})
