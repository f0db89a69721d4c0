// One contract for both queues: the PostgreSQL queue always, BullMQ when REDIS_URL names a real Redis.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test'
import { migrate } from '@myshop/db'
import { silentLogger } from '@myshop/logger'
import { eventually, testDatabase } from '@myshop/testing'
import Redis from 'ioredis'
import type { Channel } from '../src/messages/model.ts'
import { bullmqQueue } from '../src/queue/bullmq.ts'
import type { Job, JobHandler, JobResult, NotificationQueue, WorkerOptions } from '../src/queue/model.ts'
import { postgresQueue } from '../src/queue/postgres.ts'
import { migrationsDir } from './harness.ts'

const policy = { maxAttempts: 3, baseMs: 5, maxMs: 20 }
const leaseMs = 600
const options: WorkerOptions = { concurrency: { email: 2, sms: 1, push: 2 }, rateLimit: {} }
const done: JobResult = { result: 'done' }

/** Records every run a handler sees, and answers with `answer`. */
const recorder = (answer: (job: Job) => Promise<JobResult> | JobResult = () => done) => {
  const runs: Job[] = []
  const handler: JobHandler = async (job) => {
    runs.push(job)
    return answer(job)
  }
  return { runs, handler, of: (id: string) => runs.filter((run) => run.id === id) }
}

const newId = (label = 'job') => `ntf_${label}_${crypto.randomUUID().slice(0, 12)}`

interface Mode {
  name: string
  skip: boolean
  make(): Promise<NotificationQueue>
  reset?(): Promise<void>
  cleanup?(): Promise<void>
}

const postgresMode = (): Mode => {
  let sql: Awaited<ReturnType<typeof testDatabase>>['sql']
  return {
    name: 'PostgreSQL',
    skip: false,
    async make() {
      sql ??= (await testDatabase()).sql
      await migrate(sql, 'notifications', migrationsDir)
      return postgresQueue({ sql, logger: silentLogger(), policy, leaseMs, pollMs: 20 })
    },
    async reset() {
      sql ??= (await testDatabase()).sql
      await migrate(sql, 'notifications', migrationsDir)
      await sql`delete from notifications.jobs`
    },
  }
}

const bullmqMode = (): Mode => {
  const url = process.env.REDIS_URL
  const prefix = `myshop-test-${process.pid}-${crypto.randomUUID().slice(0, 8)}`
  return {
    name: 'BullMQ',
    skip: !url,
    make: async () => bullmqQueue({ redisUrl: url!, prefix, logger: silentLogger(), policy, leaseMs }),
    async cleanup() {
      // Only this suite's own keys: the shared Redis is never flushed.
      const redis = new Redis(url!)
      let cursor = '0'
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500)
        cursor = next
        if (keys.length > 0) await redis.del(...keys)
      } while (cursor !== '0')
      await redis.quit()
    },
  }
}

for (const mode of [postgresMode(), bullmqMode()]) {
  describe.skipIf(mode.skip)(`the notification queue on ${mode.name}`, () => {
    const open: NotificationQueue[] = []
    const queue = async () => {
      const made = await mode.make()
      open.push(made)
      return made
    }
    beforeAll(() => mode.reset?.())
    beforeEach(async () => {
      for (const q of open.splice(0)) await q.stop({ abandon: true }).catch(() => {})
    })
    afterAll(async () => {
      for (const q of open.splice(0)) await q.stop({ abandon: true }).catch(() => {})
      await mode.cleanup?.()
    })

    test('runs an added job once, however often it was added while waiting', async () => {
      const q = await queue()
      const id = newId()
      await q.add(id, { channel: 'email' })
      await q.add(id, { channel: 'email' })
      const seen = recorder()
      await q.start(seen.handler, options)
      await eventually('the job ran', async () => seen.of(id).length > 0)
      await q.stop()
      expect(seen.of(id).map((run) => [run.attempt, run.data.channel])).toEqual([[1, 'email']])
    })

    test('a job added while the worker runs is run, and a finished job may be added and run again', async () => {
      const q = await queue()
      const seen = recorder()
      await q.start(seen.handler, options)
      const id = newId()
      await q.add(id, { channel: 'push' })
      await eventually('the job ran', async () => seen.of(id).length === 1)
      await q.stop()
      await q.add(id, { channel: 'push' })
      await q.start(seen.handler, options)
      await eventually('the job ran again', async () => seen.of(id).length === 2)
      await q.stop()
      expect(seen.of(id).map((run) => run.attempt)).toEqual([1, 1])
    })

    test("runs no more of a lane's jobs at once than its concurrency", async () => {
      const q = await queue()
      let inFlight = 0
      let most = 0
      const seen = recorder(async () => {
        inFlight++
        most = Math.max(most, inFlight)
        await Bun.sleep(15)
        inFlight--
        return done
      })
      const ids = Array.from({ length: 6 }, () => newId('sms'))
      for (const id of ids) await q.add(id, { channel: 'sms' })
      await q.start(seen.handler, options)
      await eventually('every job ran', async () => ids.every((id) => seen.of(id).length === 1))
      await q.stop()
      expect(most).toBe(1)
    })

    test('a lane with a rate limit starts no more jobs in a window than it allows, and still runs them all', async () => {
      const q = await queue()
      const startedAt: number[] = []
      const seen = recorder(() => {
        startedAt.push(performance.now())
        return done
      })
      const ids = Array.from({ length: 5 }, () => newId('limited'))
      for (const id of ids) await q.add(id, { channel: 'email' })
      await q.start(seen.handler, { ...options, rateLimit: { email: { max: 2, durationMs: 300 } } })
      await eventually('every job ran', async () => ids.every((id) => seen.of(id).length === 1))
      await q.stop()
      // Any three consecutive starts span about a window at least (BullMQ counts it from Redis, a little apart).
      const spans = startedAt.slice(2).map((at, i) => at - startedAt[i]!)
      expect(spans.filter((span) => span < 240)).toEqual([])
      expect(ids.map((id) => seen.of(id).length)).toEqual([1, 1, 1, 1, 1])
    })

    test('retries a job answered with retry, counting its attempts, whatever the error class', async () => {
      const q = await queue()
      const classes = ['rate_limited', 'provider_error', 'network'] as const
      const ids = classes.map((c) => newId(c))
      const seen = recorder((job) => {
        const errorClass = classes[ids.indexOf(job.id)]!
        return job.attempt === 1
          ? { result: 'retry', errorClass, detail: 'try again', retryAfterMs: 10 }
          : done
      })
      for (const id of ids) await q.add(id, { channel: 'email' })
      await q.start(seen.handler, options)
      await eventually('every job ran twice', async () => ids.every((id) => seen.of(id).length === 2))
      await q.stop()
      expect(ids.map((id) => seen.of(id).map((run) => run.attempt))).toEqual([
        [1, 2],
        [1, 2],
        [1, 2],
      ])
      expect((await q.deadLetters()).filter((dead) => ids.includes(dead.id))).toEqual([])
    })

    test('a handler that throws is retried like a provider error', async () => {
      const q = await queue()
      const id = newId('throws')
      const seen = recorder((job) => {
        if (job.attempt === 1) throw new Error('database hiccup')
        return done
      })
      await q.add(id, { channel: 'push' })
      await q.start(seen.handler, options)
      await eventually('the job ran twice', async () => seen.of(id).length === 2)
      await q.stop()
      expect(seen.of(id).map((run) => run.attempt)).toEqual([1, 2])
    })

    test('dead-letters a job after its last attempt, and runs it again from the first when retried', async () => {
      const q = await queue()
      const id = newId('dead')
      let giveUp = true
      const seen = recorder(() =>
        giveUp ? { result: 'retry', errorClass: 'provider_error', detail: 'provider answered 503' } : done,
      )
      await q.add(id, { channel: 'sms' })
      await q.start(seen.handler, options)
      await eventually('the job was dead-lettered', async () =>
        (await q.deadLetters()).some((dead) => dead.id === id),
      )
      expect(seen.of(id).map((run) => [run.attempt, run.lastAttempt])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ])
      const [dead] = (await q.deadLetters()).filter((letter) => letter.id === id)
      expect(dead).toMatchObject({ id, data: { channel: 'sms' }, attempts: 3 })
      expect(dead!.lastError).toContain('provider answered 503')

      // Added again while dead, it stays dead: only a retry brings it back.
      await q.add(id, { channel: 'sms' })
      expect((await q.deadLetters()).some((letter) => letter.id === id)).toBe(true)
      giveUp = false
      expect(await q.retry(id)).toBe(true)
      await eventually('the retried job ran', async () => seen.of(id).length === 4)
      await q.stop()
      expect(seen.of(id)[3]!.attempt).toBe(1)
      expect((await q.deadLetters()).some((letter) => letter.id === id)).toBe(false)
      expect(await q.retry(newId('unknown'))).toBe(false)
    })

    test("a crashed worker's job is run again by another once its lease is over", async () => {
      const crashed = await queue()
      const id = newId('crash')
      const hung = recorder(() => new Promise<JobResult>(() => {}))
      await crashed.add(id, { channel: 'email' })
      await crashed.start(hung.handler, options)
      await eventually('the first worker took the job', async () => hung.of(id).length === 1)
      await crashed.stop({ abandon: true })

      const survivor = await queue()
      const seen = recorder()
      await survivor.start(seen.handler, options)
      await eventually('the second worker ran the job', async () => seen.of(id).length === 1)
      await survivor.stop()
      expect(seen.of(id)[0]!.attempt).toBe(2)
    })

    test('two workers on one queue run each job once', async () => {
      const [a, b] = [await queue(), await queue()]
      const seen = recorder(async () => {
        await Bun.sleep(2)
        return done
      })
      const lanes: Channel[] = ['email', 'sms', 'push']
      const ids = Array.from({ length: 30 }, (_, i) => ({ id: newId('pair'), channel: lanes[i % 3]! }))
      await a.start(seen.handler, options)
      await b.start(seen.handler, options)
      for (const [i, { id, channel }] of ids.entries()) await (i % 2 ? a : b).add(id, { channel })
      await eventually('every job ran', async () => ids.every(({ id }) => seen.of(id).length >= 1))
      await a.stop()
      await b.stop()
      expect(ids.map(({ id }) => seen.of(id).length)).toEqual(ids.map(() => 1))
    })
  })
}
