import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'
import {
  type BroadcastHandler,
  type BroadcastOptions,
  type DeadLetter,
  type DeliveryOutcome,
  deliver,
  deliverBroadcast,
  type EventBus,
  type EventHandler,
  resolveSubscribeOptions,
  retryDelay,
  type SubscribeOptions,
  type Subscription,
  unacknowledgedError,
} from './bus.ts'
import type { AnyEventContract, EventEnvelope } from './envelope.ts'

export interface RedisStreamsBusOptions {
  /** Key prefix: streams are `<prefix>:events:<type>`, dead letters `<prefix>:dlq:<group>` (default `myshop`). */
  prefix?: string
  /** Approximate entries kept per stream (`MAXLEN ~`, default 100 000). */
  maxLen?: number
}

type StreamEntry = [id: string, fields: string[] | null]

const field = (fields: string[] | null, name: string): string | undefined => {
  if (!fields) return undefined
  for (let i = 0; i < fields.length - 1; i += 2) if (fields[i] === name) return fields[i + 1]
  return undefined
}

// A blocking read waits up to its BLOCK time by design, so the short command timeout and the refusal to queue that
// a service sets for its other commands do not apply to it: it waits for the connection. It is still given up two
// seconds after its BLOCK time: a read caught by a Redis restart could otherwise wait forever, and with it the
// subscription's stop.
const blockingOptions = {
  commandTimeout: undefined,
  enableOfflineQueue: true,
  blockingTimeout: 30_000,
  blockingTimeoutGrace: 2_000,
}

// XREAD and XREADGROUP answer a map: nested pairs on RESP2, a flat [key, entries, …] array under ioredis' default
// RESP3 "legacy" mapping, or an object with the "resp3" mapping. The bus accepts whatever the caller's client uses.
const streamsReply = (reply: unknown): [string, StreamEntry[]][] => {
  if (reply === null || reply === undefined) return []
  if (!Array.isArray(reply)) return Object.entries(reply as Record<string, StreamEntry[]>)
  if (reply.length > 0 && !Array.isArray(reply[0])) {
    const pairs: [string, StreamEntry[]][] = []
    for (let i = 0; i < reply.length - 1; i += 2)
      pairs.push([String(reply[i]), reply[i + 1] as StreamEntry[]])
    return pairs
  }
  return reply as [string, StreamEntry[]][]
}

/**
 * Appends each event to its stream in order: KEYS[i] is event i's stream, ARGV[1] the approximate length kept, and
 * ARGV[2i], ARGV[2i + 1] event i's type and envelope. Answers how many were appended, and the error that stopped it.
 */
const publishScript = `
for i = 1, #KEYS do
  local ok, err = pcall(redis.call, 'XADD', KEYS[i], 'MAXLEN', '~', ARGV[1], '*', 'type', ARGV[2 * i], 'envelope', ARGV[2 * i + 1])
  if not ok then
    return { i - 1, type(err) == 'table' and err.err or tostring(err) }
  end
end
return { #KEYS }
`
const publishScriptSha = createHash('sha1').update(publishScript).digest('hex')

const isBusyGroup = (e: unknown) => e instanceof Error && e.message.startsWith('BUSYGROUP')

/**
 * The distributed bus on Redis Streams: one stream per event type, consumer groups, XACK after success, failed
 * messages retried with backoff through XAUTOCLAIM, and a dead-letter stream per group. Broadcast subscriptions
 * read the same streams with a plain XREAD, outside any group. `redis` is used for writes; each subscription
 * opens its own duplicate connection for its blocking reads.
 */
export const redisStreamsBus = (
  redis: Redis,
  { prefix = 'myshop', maxLen = 100_000 }: RedisStreamsBusOptions = {},
): EventBus => {
  const streamKey = (type: string) => `${prefix}:events:${type}`
  const dlqKey = (group: string) => `${prefix}:dlq:${group}`
  const subscriptions = new Set<Subscription>()

  const xadd = (envelope: EventEnvelope) =>
    [
      'XADD',
      streamKey(envelope.type),
      'MAXLEN',
      '~',
      maxLen,
      '*',
      'type',
      envelope.type,
      'envelope',
      JSON.stringify(envelope),
    ] as const

  const publish = async (envelope: EventEnvelope): Promise<void> => {
    await redis.call(...xadd(envelope))
  }

  // Sent by its digest; the source goes out only when the server does not hold it (after a restart or a flush).
  const runScript = async (keys: string[], args: (string | number)[]) => {
    try {
      return await redis.evalsha(publishScriptSha, keys.length, ...keys, ...args)
    } catch (e) {
      if (!(e instanceof Error && e.message.includes('NOSCRIPT'))) throw e
      return await redis.eval(publishScript, keys.length, ...keys, ...args)
    }
  }

  /**
   * A relay's batch as one script call: one command, one write and one reply, where a MULTI of one XADD per event
   * cost the client a command of its own for each (serialised, written and answered one by one) and the relay its
   * largest share of CPU in a bulk import. Redis runs a script whole, like a transaction. An XADD that fails in it
   * (a key of another type at the stream's name) ends the script there: the events before it are published, and it
   * and the events after it are left for the next batch.
   */
  const publishMany = async (envelopes: readonly EventEnvelope[]) => {
    if (envelopes.length === 0) return { published: 0 }
    const keys: string[] = []
    const args: (string | number)[] = [maxLen]
    for (const envelope of envelopes) {
      keys.push(streamKey(envelope.type))
      args.push(envelope.type, JSON.stringify(envelope))
    }
    const reply = (await runScript(keys, args)) as [number, string?]
    const published = Number(reply[0])
    return reply[1] === undefined ? { published } : { published, error: new Error(reply[1]) }
  }

  const subscribe = async <C extends AnyEventContract>(
    group: string,
    consumer: string,
    contracts: readonly C[],
    handler: EventHandler<C>,
    subscribeOptions?: SubscribeOptions,
  ): Promise<Subscription> => {
    const options = resolveSubscribeOptions(subscribeOptions)
    const keys = [...new Set(contracts.map((c) => streamKey(c.type)))]
    for (const key of keys) {
      try {
        await redis.call('XGROUP', 'CREATE', key, group, options.from === 'latest' ? '$' : '0', 'MKSTREAM')
      } catch (e) {
        // The group already exists: another consumer or an earlier run created it, and its position stands.
        if (!isBusyGroup(e)) throw e
      }
    }
    const blocking = redis.duplicate(blockingOptions)
    // Its failures surface in the read loop, which logs them and retries.
    blocking.on('error', () => {})

    const pendingInfo = async (key: string, id: string) => {
      const info = (await redis.call('XPENDING', key, group, id, id, 1)) as [string, string, number, number][]
      const entry = info[0]
      return entry && { consumer: String(entry[1]), deliveries: Number(entry[3]) }
    }

    // `deliveries` is the delivery this consumer holds, as Redis counts it; `attempts` is what the dead letter
    // reports, one less for a message claimed only to be buried, since that claim never ran the handler.
    const settle = async (
      key: string,
      id: string,
      raw: string | undefined,
      deliveries: number,
      outcome: DeliveryOutcome,
      attempts = deliveries,
    ) => {
      if (outcome.kind === 'ack') {
        await redis.call('XACK', key, group, id)
        return
      }
      // A handler that outlived the visibility timeout may have lost the message to another consumer; its failure
      // must not dead-letter or reschedule a delivery that is now someone else's.
      const owner = await pendingInfo(key, id)
      if (owner?.consumer !== consumer || owner.deliveries !== deliveries) return
      if (outcome.kind === 'dead') {
        // Copy and ack in one MULTI so a crash cannot leave the message both dead-lettered and pending.
        await redis
          .multi()
          .call(
            'XADD',
            dlqKey(group),
            'MAXLEN',
            '~',
            maxLen,
            '*',
            'stream',
            key,
            'messageId',
            id,
            'group',
            group,
            'consumer',
            consumer,
            'deliveries',
            attempts,
            'error',
            outcome.error,
            'failedAt',
            new Date().toISOString(),
            'envelope',
            raw ?? '',
          )
          .call('XACK', key, group, id)
          .exec()
        return
      }
      // Leave it pending, but backdate its idle time so XAUTOCLAIM (which waits for the visibility timeout)
      // picks it up once the retry delay has passed. JUSTID keeps the delivery count unchanged.
      const idle = Math.max(0, options.visibilityTimeoutMs - retryDelay(options, deliveries))
      await redis.call('XCLAIM', key, group, consumer, 0, id, 'IDLE', idle, 'JUSTID')
    }

    const handle = async (key: string, id: string, fields: string[] | null, deliveries: number) => {
      const raw = field(fields, 'envelope')
      const outcome: DeliveryOutcome =
        raw === undefined
          ? { kind: 'dead', error: 'message has no envelope field' }
          : await deliver(contracts, handler, raw, { group, consumer, messageId: id, deliveries }, options)
      // A settle Redis refused (an XACK timing out) leaves this message pending, to be taken over after the
      // visibility timeout (its handler's inbox makes the second run change nothing); the rest of the batch goes on.
      await settle(key, id, raw, deliveries, outcome).catch((e: unknown) =>
        options.logger?.warn(
          { group, consumer, messageId: id, error: String(e) },
          'event handled but not settled; it stays pending until the visibility timeout',
        ),
      )
    }

    // Takes over messages idle past the visibility timeout: failed ones (backdated in `settle`) and those whose
    // consumer died. Delivery counts come from XPENDING, since XAUTOCLAIM does not report them.
    const claimStale = async () => {
      for (const key of keys) {
        const [, entries] = (await redis.call(
          'XAUTOCLAIM',
          key,
          group,
          consumer,
          options.visibilityTimeoutMs,
          '0-0',
          'COUNT',
          options.batchSize,
        )) as [string, StreamEntry[], string[]?]
        for (const [id, fields] of entries) {
          if (stopped) return
          const deliveries = (await pendingInfo(key, id))?.deliveries ?? 1
          if (deliveries > options.maxDeliveries) {
            const error = unacknowledgedError(deliveries - 1)
            await settle(
              key,
              id,
              field(fields, 'envelope'),
              deliveries,
              { kind: 'dead', error },
              deliveries - 1,
            )
          } else {
            await handle(key, id, fields, deliveries)
          }
        }
      }
    }

    let stopped = false
    const loop = async () => {
      while (!stopped) {
        try {
          await claimStale()
          if (stopped) break
          const read = await blocking.call(
            'XREADGROUP',
            'GROUP',
            group,
            consumer,
            'COUNT',
            options.batchSize,
            'BLOCK',
            options.blockMs,
            'STREAMS',
            ...keys,
            ...keys.map(() => '>'),
          )
          for (const [key, entries] of streamsReply(read)) {
            // Once stopping, unhandled entries stay pending and are claimed by another consumer after the timeout.
            for (const [id, fields] of entries) if (!stopped) await handle(key, id, fields, 1)
          }
        } catch (e) {
          if (stopped) break
          options.logger?.error({ group, consumer, error: String(e) }, 'event consumer loop failed; retrying')
          await Bun.sleep(Math.min(options.retryDelayMs, 1_000))
        }
      }
    }
    const running = loop()

    const subscription: Subscription = {
      stop: async () => {
        stopped = true
        await running
        blocking.disconnect()
        subscriptions.delete(subscription)
      },
    }
    subscriptions.add(subscription)
    return subscription
  }

  const subscribeBroadcast = async <C extends AnyEventContract>(
    contracts: readonly C[],
    handler: BroadcastHandler<C>,
    { batchSize = 128, blockMs = 2_000, logger }: BroadcastOptions = {},
  ): Promise<Subscription> => {
    const keys = [...new Set(contracts.map((c) => streamKey(c.type)))]
    // XREAD's `$` means "the last entry when this read runs", so an event published between this call and the
    // first read would be missed: start from the last entry each stream holds now (0-0 for one not created yet).
    const after = new Map<string, string>()
    for (const key of keys) {
      const [last] = (await redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)) as StreamEntry[]
      after.set(key, last?.[0] ?? '0-0')
    }
    const blocking = redis.duplicate(blockingOptions)
    // Its failures surface in the read loop, which logs them and retries.
    blocking.on('error', () => {})

    let stopped = false
    const loop = async () => {
      while (!stopped) {
        try {
          const read = await blocking.call(
            'XREAD',
            'COUNT',
            batchSize,
            'BLOCK',
            blockMs,
            'STREAMS',
            ...keys,
            ...keys.map((key) => after.get(key)!),
          )
          for (const [key, entries] of streamsReply(read)) {
            for (const [id, fields] of entries) {
              if (stopped) return
              // The position moves before the handler runs: a failure is skipped, never read again.
              after.set(key, id)
              const raw = field(fields, 'envelope')
              if (raw === undefined) logger?.warn({ stream: key, messageId: id }, 'broadcast event skipped')
              else await deliverBroadcast(contracts, handler, raw, id, logger)
            }
          }
        } catch (e) {
          if (stopped) break
          // After a lost connection the read resumes from the last position, so only trimmed events are lost.
          logger?.error({ streams: keys, error: String(e) }, 'broadcast loop failed; retrying')
          await Bun.sleep(1_000)
        }
      }
    }
    const running = loop()

    const subscription: Subscription = {
      stop: async () => {
        stopped = true
        // Nothing is pending on a broadcast read, so it is cut short rather than waited out.
        blocking.disconnect()
        await running
        subscriptions.delete(subscription)
      },
    }
    subscriptions.add(subscription)
    return subscription
  }

  const deadLetters = async (group: string): Promise<DeadLetter[]> => {
    const entries = (await redis.call('XRANGE', dlqKey(group), '-', '+')) as StreamEntry[]
    return entries.map(([, fields]) => {
      const raw = field(fields, 'envelope') ?? ''
      let envelope: unknown = raw
      try {
        envelope = JSON.parse(raw)
      } catch {
        // A message that was dead-lettered for being malformed is shown as it arrived.
      }
      return {
        group: field(fields, 'group') ?? group,
        consumer: field(fields, 'consumer') ?? '',
        stream: field(fields, 'stream') ?? '',
        messageId: field(fields, 'messageId') ?? '',
        deliveries: Number(field(fields, 'deliveries') ?? 0),
        error: field(fields, 'error') ?? '',
        failedAt: field(fields, 'failedAt') ?? '',
        envelope,
      }
    })
  }

  return {
    publish,
    publishMany,
    subscribe,
    subscribeBroadcast,
    deadLetters,
    close: async () => {
      await Promise.all([...subscriptions].map((s) => s.stop()))
    },
  }
}
