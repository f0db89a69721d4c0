import type { Logger } from '@myshop/logger'
import { type Job as BullJob, Queue, Worker } from 'bullmq'
import Redis from 'ioredis'
import { type Channel, channels } from '../messages/model.ts'
import {
  type DeadLetter,
  type JobData,
  type JobResult,
  type NotificationQueue,
  type RetryClass,
  type RetryPolicy,
  retryDelay,
  runHandler,
} from './model.ts'

export interface BullmqQueueOptions {
  redisUrl: string
  /** The shop's Redis namespace (REDIS_PREFIX): the queue's keys live under `<prefix>:notifications`. */
  prefix: string
  logger: Logger
  policy: RetryPolicy
  /** How long a running job's lock lasts without renewal: a dead worker's jobs run again after it. */
  leaseMs: number
}

/** A run that answered retry, carried through BullMQ's failure path to the backoff strategy. */
class RetryAnswer extends Error {
  constructor(
    readonly errorClass: RetryClass,
    detail: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`${errorClass}: ${detail}`)
  }
}

const backoffType = 'notification'

/**
 * The queue on Redis with BullMQ, one BullMQ queue per channel (its lane), each with a worker of the channel's
 * concurrency and its provider's rate limit (shared by every instance). A job's id is the caller's, so a second
 * add while it exists is ignored; completed jobs are removed (the id may be queued again), failed ones kept as the
 * dead letters. BullMQ gets connections of its own: its blocking commands must not share the service's
 * short-timeout client.
 */
export const bullmqQueue = ({
  redisUrl,
  prefix,
  logger,
  policy,
  leaseMs,
}: BullmqQueueOptions): NotificationQueue => {
  const bullPrefix = `${prefix}:notifications`
  // Opened on first use and closed by stop, so a stopped queue can still be asked for its dead letters.
  let open: { connection: Redis; queues: Record<Channel, Queue<JobData>> } | undefined
  const opened = () => {
    if (open) return open
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
    const queues = Object.fromEntries(
      channels.map((lane) => [
        lane,
        new Queue<JobData>(`deliveries-${lane}`, { connection, prefix: bullPrefix }),
      ]),
    ) as Record<Channel, Queue<JobData>>
    open = { connection, queues }
    return open
  }
  let workers: Worker<JobData>[] = []

  const processor = (handler: Parameters<NotificationQueue['start']>[0]) => async (job: BullJob<JobData>) => {
    // Runs cut short by a dead worker count as started, not as failed: BullMQ fails the job after its attempts
    // answered retry.
    const result: JobResult = await runHandler(handler, {
      id: job.id!,
      data: job.data,
      attempt: Math.max(job.attemptsStarted, job.attemptsMade + 1),
      lastAttempt: job.attemptsMade + 1 >= policy.maxAttempts,
    })
    if (result.result === 'retry')
      throw new RetryAnswer(result.errorClass, result.detail, result.retryAfterMs)
  }

  const findDead = async (jobId: string) => {
    for (const queue of Object.values(opened().queues)) {
      const job = await queue.getJob(jobId)
      if (job && (await job.isFailed())) return job
    }
    return null
  }

  return {
    async add(jobId, data, options = {}) {
      await opened().queues[data.channel].add(backoffType, data, {
        jobId,
        attempts: policy.maxAttempts,
        backoff: { type: backoffType },
        ...(options.delayMs && { delay: options.delayMs }),
        removeOnComplete: true,
        removeOnFail: false,
      })
    },
    async start(handler, options) {
      const { connection } = opened()
      workers = channels.map((lane) => {
        const limit = options.rateLimit[lane]
        const worker = new Worker<JobData>(`deliveries-${lane}`, processor(handler), {
          connection,
          prefix: bullPrefix,
          concurrency: options.concurrency[lane],
          ...(limit && { limiter: { max: limit.max, duration: limit.durationMs } }),
          lockDuration: leaseMs,
          stalledInterval: leaseMs,
          // A job whose worker died is run again however often that happens; its attempts count the runs.
          maxStalledCount: policy.maxAttempts,
          settings: {
            backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) =>
              error instanceof RetryAnswer
                ? retryDelay(policy, attemptsMade, error.errorClass, error.retryAfterMs)
                : retryDelay(policy, attemptsMade, 'provider_error'),
          },
        })
        worker.on('error', (error) => logger.error({ err: error, lane }, 'notification worker failed'))
        return worker
      })
      await Promise.all(workers.map((worker) => worker.waitUntilReady()))
    },
    async stop(options = {}) {
      await Promise.all(workers.splice(0).map((worker) => worker.close(options.abandon ?? false)))
      const closing = open
      open = undefined
      if (!closing) return
      await Promise.all(Object.values(closing.queues).map((queue) => queue.close()))
      await closing.connection.quit().catch(() => closing.connection.disconnect())
    },
    async deadLetters(): Promise<DeadLetter[]> {
      const { queues } = opened()
      const failed = (await Promise.all(Object.values(queues).map((queue) => queue.getFailed()))).flat()
      return failed
        .sort((a, b) => (a.finishedOn ?? 0) - (b.finishedOn ?? 0))
        .map((job) => ({
          id: job.id!,
          data: job.data,
          attempts: job.attemptsMade,
          lastError: job.failedReason ?? null,
        }))
    },
    async retry(jobId) {
      const job = await findDead(jobId)
      if (!job) return false
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true })
      return true
    },
  }
}
