import type { Client, estypes } from '@elastic/elasticsearch'
import type { Logger } from '@myshop/logger'
import type { TrackedEvent } from './model.ts'

/**
 * The copy of tracked events in Elasticsearch, one index per month of the events' time (`myshop-events-2026.09`).
 * Best effort: PostgreSQL holds the events of record, so a batch the cluster refuses is retried a few times, then
 * logged and counted, and never holds up or undoes the database write.
 */
export interface EventIndex {
  /** Queues what a committed batch inserted. */
  add(events: readonly TrackedEvent[]): void
  /** Resolves when everything queued so far was sent (or given up on). */
  idle(): Promise<void>
  /** Events given up on (retries spent, or dropped because too many waited) since the start. */
  readonly failed: number
  /** Events the cluster took since the start. */
  readonly indexed: number
}

export interface EventIndexOptions {
  /** Index names are `<prefix>-YYYY.MM`. */
  prefix?: string
  attempts?: number
  retryBaseMs?: number
  /** Events waiting for the cluster beyond which new batches are dropped (and counted). */
  maxQueued?: number
  logger: Logger
}

export const eventMappings: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    type: { type: 'keyword' },
    anonymousId: { type: 'keyword' },
    sessionId: { type: 'keyword' },
    userId: { type: 'keyword' },
    '@timestamp': { type: 'date' },
    receivedAt: { type: 'date' },
    // Each type has its own properties: flattened keeps one field, not a mapping per key ever sent.
    properties: { type: 'flattened' },
    ipPrefix: { type: 'keyword' },
    userAgent: { type: 'keyword' },
  },
}

/** `myshop-events-2026.09` for an event of September 2026 (UTC). */
export const eventIndexName = (prefix: string, time: Date) =>
  `${prefix}-${time.getUTCFullYear()}.${String(time.getUTCMonth() + 1).padStart(2, '0')}`

const document = (event: TrackedEvent) => ({
  id: event.id,
  type: event.type,
  anonymousId: event.anonymousId,
  sessionId: event.sessionId,
  userId: event.userId,
  '@timestamp': event.time.toISOString(),
  receivedAt: event.receivedAt.toISOString(),
  properties: event.properties,
  ipPrefix: event.ipPrefix,
  userAgent: event.userAgent,
})

const retryable = (status: number | undefined) => status === undefined || status === 429 || status >= 500

export const elasticsearchEventIndex = (
  client: Client,
  {
    prefix = 'myshop-events',
    attempts = 3,
    retryBaseMs = 200,
    maxQueued = 100_000,
    logger,
  }: EventIndexOptions,
): EventIndex => {
  let chain: Promise<void> = Promise.resolve()
  let queued = 0
  let failed = 0
  let indexed = 0
  let templated = false

  const giveUp = (count: number, reason: unknown) => {
    failed += count
    logger.error(
      { err: reason, events: count, failedSoFar: failed },
      'tracked events not copied to Elasticsearch',
    )
  }

  // The template gives every monthly index the same mapping; it is put once, and again after a failure.
  const ensureTemplate = async () => {
    if (templated) return
    await client.indices.putIndexTemplate({
      name: prefix,
      index_patterns: [`${prefix}-*`],
      template: { settings: { number_of_shards: 1 }, mappings: eventMappings },
    })
    templated = true
  }

  const send = async (events: TrackedEvent[]) => {
    let pending = events
    for (let attempt = 1; pending.length > 0; attempt++) {
      let retry: TrackedEvent[] = []
      let reason: unknown
      try {
        await ensureTemplate()
        const answer = await client.bulk({
          operations: pending.flatMap((event) => [
            {
              index: {
                _index: eventIndexName(prefix, event.time),
                _id: `${event.id}:${event.time.getTime()}`,
              },
            },
            document(event),
          ]),
        })
        const refused: TrackedEvent[] = []
        answer.items.forEach((item, i) => {
          const result = item.index
          if (!result?.error) indexed++
          else if (retryable(result.status)) retry.push(pending[i]!)
          else refused.push(pending[i]!)
        })
        if (refused.length > 0) giveUp(refused.length, 'refused by the cluster')
        reason = 'the cluster was busy'
      } catch (error) {
        retry = pending
        reason = error
      }
      if (retry.length === 0) return
      if (attempt >= attempts) return giveUp(retry.length, reason)
      await Bun.sleep(retryBaseMs * 2 ** (attempt - 1))
      pending = retry
    }
  }

  return {
    add(events) {
      if (events.length === 0) return
      if (queued + events.length > maxQueued) return giveUp(events.length, 'too many events waiting')
      queued += events.length
      const batch = [...events]
      chain = chain
        .then(() => send(batch))
        .catch((error: unknown) => giveUp(batch.length, error))
        .finally(() => {
          queued -= batch.length
        })
    },
    idle: () => chain,
    get failed() {
      return failed
    },
    get indexed() {
      return indexed
    },
  }
}
