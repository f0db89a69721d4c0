import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import { type Channel, channels } from '../messages/model.ts'
import {
  type JobHandler,
  type NotificationQueue,
  type RateLimit,
  type RetryPolicy,
  retryDelay,
  runHandler,
  type WorkerOptions,
} from './model.ts'
import * as jobs from './repository.ts'

export interface PostgresQueueOptions {
  sql: Db
  logger: Logger
  policy: RetryPolicy
  /** How long a claimed job stays with its worker; after that another worker runs it again. */
  leaseMs: number
  /** How often each lane looks for jobs added by other instances or come due. */
  pollMs: number
  now?: () => number
}

/** Job starts allowed now under a rate limit, from the start times of the current window (pruned in place). */
const allowance = (starts: number[], limit: RateLimit | undefined, at: number): number => {
  if (!limit) return Number.POSITIVE_INFINITY
  while (starts.length > 0 && starts[0]! <= at - limit.durationMs) starts.shift()
  return Math.max(0, limit.max - starts.length)
}

/**
 * The queue in the service's PostgreSQL, for running without Redis: jobs are rows claimed with
 * `FOR UPDATE SKIP LOCKED` under a lease, so instances share the work and a dead instance's jobs are run again
 * once their lease is over. The rate limit holds per instance (each counts its own starts).
 */
export const postgresQueue = ({
  sql,
  logger,
  policy,
  leaseMs,
  pollMs,
  now = Date.now,
}: PostgresQueueOptions): NotificationQueue => {
  let worker: { handler: JobHandler; options: WorkerOptions } | undefined
  let timer: ReturnType<typeof setInterval> | undefined
  let stopped = false
  let abandoned = false
  const active: Record<Channel, number> = { email: 0, sms: 0, push: 0 }
  const starts: Record<Channel, number[]> = { email: [], sms: [], push: [] }
  const pumping: Partial<Record<Channel, Promise<void>>> = {}
  const running = new Set<Promise<void>>()

  const settle = async (job: jobs.ClaimedJob, token: string) => {
    const result = await runHandler(worker!.handler, {
      id: job.id,
      data: job.data,
      attempt: job.attempts,
      lastAttempt: job.attempts >= policy.maxAttempts,
    })
    // A crashed process records nothing; its lease runs out instead.
    if (abandoned) return
    if (result.result === 'done') {
      await jobs.complete(sql, job.id, token)
      return
    }
    const at = now()
    const delay = retryDelay(policy, job.attempts, result.errorClass, result.retryAfterMs)
    await jobs.reschedule(sql, {
      id: job.id,
      token,
      dead: job.attempts >= policy.maxAttempts,
      runAt: new Date(at + delay),
      error: `${result.errorClass}: ${result.detail}`,
      at: new Date(at),
    })
  }

  const launch = (lane: Channel, job: jobs.ClaimedJob, token: string) => {
    active[lane]++
    starts[lane].push(now())
    const run = settle(job, token)
      .catch((error: unknown) => logger.error({ err: error, jobId: job.id }, 'notification job not recorded'))
      .finally(() => {
        active[lane]--
        running.delete(run)
        if (!stopped) void pump(lane)
      })
    running.add(run)
  }

  /** Claims as many due jobs of a lane as its free slots and rate limit allow, and starts them. */
  const claimDue = async (lane: Channel) => {
    while (worker && !stopped) {
      const at = now()
      const free = Math.min(
        worker.options.concurrency[lane] - active[lane],
        allowance(starts[lane], worker.options.rateLimit[lane], at),
      )
      if (free <= 0) return
      const token = crypto.randomUUID()
      const claimed = await jobs.claim(sql, lane, free, token, new Date(at), new Date(at + leaseMs))
      if (stopped) return
      for (const job of claimed) launch(lane, job, token)
      if (claimed.length < free) return
    }
  }

  const pump = (lane: Channel): Promise<void> => {
    pumping[lane] ??= claimDue(lane)
      .catch((error: unknown) => logger.error({ err: error, lane }, 'notification jobs not claimed'))
      .finally(() => {
        pumping[lane] = undefined
      })
    return pumping[lane]
  }

  return {
    async add(jobId, data, options = {}) {
      await jobs.insert(sql, {
        id: jobId,
        lane: data.channel,
        data,
        runAt: new Date(now() + (options.delayMs ?? 0)),
      })
      if (worker && !stopped && !options.delayMs) void pump(data.channel)
    },
    async start(handler, options) {
      worker = { handler, options }
      stopped = false
      abandoned = false
      timer = setInterval(() => {
        for (const lane of channels) void pump(lane)
      }, pollMs)
      timer.unref?.()
      await Promise.all(channels.map(pump))
    },
    async stop(options = {}) {
      stopped = true
      abandoned = options.abandon ?? false
      clearInterval(timer)
      timer = undefined
      await Promise.all(Object.values(pumping))
      if (!abandoned) await Promise.all(running)
    },
    deadLetters: () => jobs.dead(sql),
    retry: async (jobId) => {
      const revived = await jobs.revive(sql, jobId, new Date(now()))
      if (revived && worker && !stopped) for (const lane of channels) void pump(lane)
      return revived
    },
  }
}
