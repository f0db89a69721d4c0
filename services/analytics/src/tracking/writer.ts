import type { Logger } from '@myshop/logger'
import type { TrackedEvent } from './model.ts'

export interface BatchWriterOptions {
  /** Stores one batch in one transaction; answers the events it inserted (not those already stored). */
  write: (events: TrackedEvent[]) => Promise<TrackedEvent[]>
  /** Called with what each committed batch inserted (the Elasticsearch copy). */
  written?: (events: TrackedEvent[]) => void
  flushMs: number
  /** A write starts as soon as this many events wait (or at the next tick). */
  flushRows: number
  /** Events one write takes at most: those that arrived while the previous write was under way go together. */
  batchRows: number
  /** At most this many events wait in memory; beyond it `offer` refuses. */
  bufferMax: number
  logger: Logger
}

/**
 * Accepted events on their way to PostgreSQL: kept in memory and written every `flushMs`, or as soon as
 * `flushRows` wait. One write at a time takes everything waiting, up to `batchRows`: under a light load writes are
 * small and prompt, and under a heavy one they grow, so the fixed cost of a transaction is paid once for many events
 * rather than the writer falling behind the intake. While the database fails, the events stay (in order) and are
 * tried again on the next tick; the buffer is bounded, so a long outage refuses new events rather than growing.
 */
export interface BatchWriter {
  /** Queues events; false (nothing queued) when they do not fit in the buffer. */
  offer(events: readonly TrackedEvent[]): boolean
  /** Writes everything queued now; rejects when a batch could not be written (it stays queued). */
  flush(): Promise<void>
  start(): void
  /** Stops the timer and writes what is left; what cannot be written is logged as lost. */
  stop(): Promise<void>
  /** Events waiting to be written. */
  readonly pending: number
  /** Batches that failed to be written since the start (each tried again). */
  readonly failures: number
}

export const createBatchWriter = ({
  write,
  written,
  flushMs,
  flushRows,
  batchRows,
  bufferMax,
  logger,
}: BatchWriterOptions): BatchWriter => {
  let buffer: TrackedEvent[] = []
  let timer: ReturnType<typeof setInterval> | undefined
  let running: Promise<void> | undefined
  let failures = 0

  const drain = async () => {
    while (buffer.length > 0) {
      const batch = buffer.slice(0, batchRows)
      let inserted: TrackedEvent[]
      try {
        inserted = await write(batch)
      } catch (error) {
        failures++
        logger.error({ err: error, pending: buffer.length }, 'tracked events not written; kept to try again')
        throw error
      }
      buffer = buffer.slice(batch.length)
      written?.(inserted)
    }
  }

  /** One drain at a time; a flush asked for during one waits for it, then drains what came meanwhile. */
  const flush = async (): Promise<void> => {
    while (running) await running.catch(() => {})
    running = drain().finally(() => {
      running = undefined
    })
    return running
  }

  const tick = () => {
    if (running || buffer.length === 0) return
    flush().catch(() => {})
  }

  return {
    offer(events) {
      if (buffer.length + events.length > bufferMax) return false
      for (const event of events) buffer.push(event)
      if (buffer.length >= flushRows) tick()
      return true
    },
    flush,
    start() {
      timer ??= setInterval(tick, flushMs)
      timer.unref?.()
    },
    async stop() {
      clearInterval(timer)
      timer = undefined
      try {
        await flush()
      } catch {
        logger.error(
          { lost: buffer.length },
          'tracked events lost at shutdown: the database did not take them',
        )
      }
    },
    get pending() {
      return buffer.length
    },
    get failures() {
      return failures
    },
  }
}
