import { assertSchemaName, type Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import type { Publisher } from './bus.ts'
import type { EventEnvelope } from './envelope.ts'
import { envelopeFromRow, type OutboxRow } from './outbox.ts'

export interface RelayOptions {
  sql: Db
  /** The service schema whose `outbox` this relay publishes. */
  schema: string
  publisher: Publisher
  /** Rows claimed per transaction (default 100). */
  batchSize?: number
  /** Polling period when nothing calls `notify()`, and the pause after a failure (default 1 s). */
  intervalMs?: number
  /** Published rows older than this are deleted, so the outbox does not grow for ever (default 7 days). */
  retentionMs?: number
  logger?: Logger
}

/** Publishes a service's outbox; at-least-once, in outbox order. */
export interface Relay {
  /** Starts polling in the background. */
  start(): void
  /** Stops polling; resolves after the batch in hand is published and marked. */
  stop(): Promise<void>
  /** Publishes everything pending now and resolves with the number of events published. */
  drain(): Promise<number>
  /** Hint that a transaction just committed outbox rows, so the relay runs now instead of at the next poll. */
  notify(): void
  /** Deletes published rows older than the retention; the running relay does it about once a minute. */
  purge(): Promise<number>
}

interface BatchResult {
  published: number
  full: boolean
  failure?: unknown
}

/**
 * A publisher's events one round trip each, in order, stopping at the first failure: publishing later events
 * first would break the order.
 */
const oneByOne =
  (publisher: Publisher) =>
  async (envelopes: readonly EventEnvelope[]): Promise<{ published: number; error?: unknown }> => {
    for (let i = 0; i < envelopes.length; i++) {
      try {
        await publisher.publish(envelopes[i]!)
      } catch (error) {
        return { published: i, error }
      }
    }
    return { published: envelopes.length }
  }

/**
 * Creates an outbox relay. Each batch is one transaction: claim unpublished rows in `seq` order with
 * `for update skip locked`, publish them in order (in one exchange when the publisher has `publishMany`, else one
 * by one), mark the ones published, commit. A relay that dies before the
 * commit leaves its rows unpublished, so the next relay publishes them again (consumers dedupe with the inbox).
 * A transaction-scoped advisory lock lets one relay per schema publish at a time, so several replicas never
 * interleave and each event type's stream keeps the outbox order.
 */
export const createRelay = ({
  sql,
  schema,
  publisher,
  batchSize = 100,
  intervalMs = 1_000,
  retentionMs = 7 * 24 * 3600 * 1000,
  logger,
}: RelayOptions): Relay => {
  const table = `${assertSchemaName(schema)}.outbox`
  const publishAll = publisher.publishMany?.bind(publisher) ?? oneByOne(publisher)
  const lockKey = `myshop.relay.${schema}`

  const publishBatch = (): Promise<BatchResult> =>
    sql.begin(async (tx) => {
      const [lock] = await tx<{ ok: boolean }[]>`select pg_try_advisory_xact_lock(hashtext(${lockKey})) as ok`
      if (!lock?.ok) return { published: 0, full: false }
      const rows = await tx<OutboxRow[]>`
        select seq, id, type, version, source, occurred_at, data, traceparent, request_id
        from ${tx(table)}
        where published_at is null
        order by seq
        limit ${batchSize}
        for update skip locked`
      const done: number[] = []
      let failure: unknown
      try {
        const { published, error } = await publishAll(rows.map(envelopeFromRow))
        for (let i = 0; i < published; i++) done.push(rows[i]!.seq)
        failure = error
      } catch (e) {
        failure = e
      }
      if (done.length > 0) await tx`update ${tx(table)} set published_at = now() where seq in ${tx(done)}`
      return { published: done.length, full: rows.length === batchSize, failure }
    })

  // Bounded deletes keep each statement short however much history has piled up.
  const purge = async (): Promise<number> => {
    let total = 0
    for (;;) {
      const deleted = await sql`
        delete from ${sql(table)} where seq in (
          select seq from ${sql(table)}
          where published_at is not null and published_at < now() - ${`${Math.floor(retentionMs / 1000)} seconds`}::interval
          order by seq limit 5000)`
      total += deleted.count
      if (deleted.count < 5000) return total
    }
  }
  const purgeEveryMs = 60_000
  let lastPurge = 0

  // Batches of one relay never overlap, whether they come from the loop or from drain().
  let chain: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn)
    chain = next.catch(() => {})
    return next
  }

  const runBatch = async (): Promise<BatchResult> => {
    const result = await exclusive(publishBatch)
    if (result.published > 0) logger?.debug({ schema, published: result.published }, 'outbox published')
    if (result.failure !== undefined) throw result.failure
    return result
  }

  const drainWhile = async (go: () => boolean): Promise<number> => {
    let total = 0
    while (go()) {
      const { published, full } = await runBatch()
      total += published
      if (!full || published === 0) break
    }
    return total
  }

  let running: Promise<void> | undefined
  let stopped = true
  let poked = false
  let wake = () => {}

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const loop = async () => {
    while (!stopped) {
      poked = false
      let failed = false
      try {
        // Checked between batches, so stop() waits for at most the batch in hand.
        await drainWhile(() => !stopped)
      } catch (e) {
        failed = true
        logger?.error({ schema, error: String(e) }, 'outbox relay batch failed; retrying')
      }
      if (stopped) break
      if (Date.now() - lastPurge >= purgeEveryMs) {
        lastPurge = Date.now()
        await exclusive(purge).catch((e) => logger?.warn({ schema, error: String(e) }, 'outbox purge failed'))
      }
      // A notify() that arrived while draining means rows may have committed after our last read.
      if (poked && !failed) continue
      await sleep(intervalMs)
    }
  }

  return {
    start: () => {
      if (!stopped) return
      stopped = false
      running = loop()
    },
    stop: async () => {
      stopped = true
      wake()
      await running
      running = undefined
    },
    drain: () => drainWhile(() => true),
    notify: () => {
      poked = true
      wake()
    },
    purge: () => exclusive(purge),
  }
}
