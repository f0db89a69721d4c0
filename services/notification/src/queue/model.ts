import type { Channel } from '../messages/model.ts'

/**
 * The notification queue: jobs named by the caller (a delivery's id), each in its channel's lane, run by a handler
 * with a concurrency per lane and a rate limit per lane's provider, retried with a backoff chosen by what went wrong,
 * and dead-lettered after the last attempt until an operator retries them.
 *
 * Two implementations keep the same semantics (one contract suite runs against both): BullMQ on Redis when the
 * service has Redis, and a table of jobs in PostgreSQL without it.
 *
 * - `add` is idempotent by job id while the job exists (waiting, running or dead): adding it again changes nothing.
 *   A job that completed is forgotten, so the same id may be added again later (the handler decides whether there
 *   is anything left to do).
 * - A job runs at least once: a worker that dies mid-job loses its lease, and another worker runs the job again
 *   once the lease is over. Handlers make that safe (deliveries claim their row before sending).
 * - The handler answers with a value: done, or retry with an error class. A handler that throws is retried as a
 *   `provider_error`.
 */
export interface NotificationQueue {
  /** Queues a job, after `delayMs` when given; nothing happens when a job with that id is already queued. */
  add(jobId: string, data: JobData, options?: AddOptions): Promise<void>
  /** Starts working the lanes in this process. */
  start(handler: JobHandler, options: WorkerOptions): Promise<void>
  /**
   * Stops working. By default waits for the jobs under way to finish; with `abandon` it stops at once as a crash
   * would, their outcomes ignored, so their leases run out and another worker runs them again.
   */
  stop(options?: { abandon?: boolean }): Promise<void>
  /** The jobs that used up their attempts, oldest first. */
  deadLetters(): Promise<DeadLetter[]>
  /** Queues a dead-lettered job again with its attempts reset; false when no dead letter has that id. */
  retry(jobId: string): Promise<boolean>
}

/** What a job carries: the lane it runs in. Its id says the rest (the delivery's id). */
export interface JobData {
  channel: Channel
}

export interface AddOptions {
  delayMs?: number
}

/** One run of a job as its handler sees it. */
export interface Job {
  id: string
  data: JobData
  /** 1 for the first run. */
  attempt: number
  /** Whether a retry answered by this run dead-letters the job instead. */
  lastAttempt: boolean
}

/** The transient failures of a send, each with its own backoff. */
export type RetryClass = 'rate_limited' | 'provider_error' | 'network'

/** What came of a run: finished (sent, refused for good, nothing left to do), or worth another attempt. */
export type JobResult =
  | { result: 'done' }
  | { result: 'retry'; errorClass: RetryClass; detail: string; retryAfterMs?: number | undefined }

export type JobHandler = (job: Job) => Promise<JobResult>

/** At most `max` job starts per `durationMs` in a lane. */
export interface RateLimit {
  max: number
  durationMs: number
}

export interface WorkerOptions {
  /** How many jobs of each lane run at once in this process. */
  concurrency: Record<Channel, number>
  /** The rate limit of each lane's provider; a lane without one is not limited. */
  rateLimit: Partial<Record<Channel, RateLimit>>
}

export interface DeadLetter {
  id: string
  data: JobData
  attempts: number
  lastError: string | null
}

/** How many times a job runs and how long it waits between runs. */
export interface RetryPolicy {
  maxAttempts: number
  /** The wait after the first failed run; doubled for each later one. */
  baseMs: number
  /** The longest wait. */
  maxMs: number
}

/**
 * The wait before the next run after run number `attempt` answered retry: the provider's own Retry-After for a
 * rate-limited send (at least the base wait when it gave none), else exponential with full jitter's upper half so
 * instances retrying together spread out.
 */
export const retryDelay = (
  policy: RetryPolicy,
  attempt: number,
  errorClass: RetryClass,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number => {
  if (errorClass === 'rate_limited') return Math.min(policy.maxMs, Math.max(retryAfterMs ?? policy.baseMs, 0))
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(exponential / 2 + (exponential / 2) * random())
}

/** The result a handler that threw stands for. */
export const thrownResult = (error: unknown): JobResult => ({
  result: 'retry',
  errorClass: 'provider_error',
  detail: error instanceof Error ? error.message : String(error),
})

/** Runs a handler, turning a throw into a retry. */
export const runHandler = async (handler: JobHandler, job: Job): Promise<JobResult> => {
  try {
    return await handler(job)
  } catch (error) {
    return thrownResult(error)
  }
}
