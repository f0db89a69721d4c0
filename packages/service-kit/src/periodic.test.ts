import { describe, expect, test } from 'bun:test'
import { createLogger } from '@myshop/logger'
import { periodicJob } from './periodic.ts'

/** A logger whose lines the test reads back. */
const recordingLogger = () => {
  const lines: Record<string, unknown>[] = []
  const logger = createLogger(
    { service: 'test', level: 'info', format: 'json' },
    { write: (line: string) => lines.push(JSON.parse(line)) },
  )
  return { logger, lines }
}

describe('periodicJob', () => {
  test('runs its pass on the timer, never two at once, and stop waits for the pass under way', async () => {
    const { logger } = recordingLogger()
    let concurrent = 0
    let most = 0
    let passes = 0
    let finished = 0
    const job = periodicJob({
      intervalMs: 5,
      logger,
      failed: 'pass failed',
      pass: async () => {
        passes++
        most = Math.max(most, ++concurrent)
        await Bun.sleep(30)
        concurrent--
        finished++
        return 0
      },
    })
    job.start()
    await Bun.sleep(100)
    await job.stop()
    expect(passes).toBeGreaterThanOrEqual(2)
    expect(most).toBe(1)
    // Stopped means no pass left running, and none started after.
    expect(finished).toBe(passes)
    await Bun.sleep(30)
    expect(passes).toBe(finished)
  })

  test('logs what a pass handled and a failed pass, and goes on after a failure', async () => {
    const { logger, lines } = recordingLogger()
    const outcomes: (() => Promise<number>)[] = [
      async () => 3,
      async () => {
        throw new Error('database away')
      },
      async () => 0,
      async () => 1,
    ]
    const job = periodicJob({
      intervalMs: 5,
      logger,
      failed: 'sweeping failed; retrying at the next pass',
      handled: (count) => [{ released: count }, 'released'],
      pass: () => (outcomes.shift() ?? (async () => 0))(),
    })
    job.start()
    while (outcomes.length) await Bun.sleep(5)
    await Bun.sleep(20)
    await job.stop()
    expect(lines.map((l) => [l.msg, l.released ?? (l.err as { message?: string })?.message])).toEqual([
      ['released', 3],
      ['sweeping failed; retrying at the next pass', 'database away'],
      ['released', 1],
    ])
  })

  test('run() is one pass now, answering its count', async () => {
    const { logger } = recordingLogger()
    const job = periodicJob({ intervalMs: 60_000, logger, failed: 'x', pass: async () => 7 })
    expect(await job.run()).toBe(7)
  })
})
