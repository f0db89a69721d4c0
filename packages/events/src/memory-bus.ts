import {
  type BroadcastHandler,
  type BroadcastOptions,
  type DeadLetter,
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

export interface MemoryBusOptions {
  /** Entries kept per event type, like Redis' MAXLEN (default 10 000). */
  maxLen?: number
}

/** An in-process bus with a dead-letter list you can read: what `memoryBus()` returns. */
export type MemoryBus = EventBus

interface Entry {
  seq: number
  id: string
  // Kept as JSON, as on the wire: a handler can never mutate what another group receives.
  raw: string
}

interface Pending {
  entry: Entry
  consumer: string
  deliveries: number
  visibleAt: number
}

interface Group {
  cursor: number
  pending: Map<string, Pending>
  wakers: Set<() => void>
}

/** A broadcast subscriber: its own queue, fed by publish, drained by its loop. */
interface Listener {
  queue: Entry[]
  wake: () => void
}

interface Stream {
  entries: Entry[]
  nextSeq: number
  groups: Map<string, Group>
  listeners: Set<Listener>
}

/**
 * The embedded-mode bus: Redis Streams semantics in process. Each event type is a stream, each group reads every
 * event, consumers of a group share them, unacknowledged messages come back after a retry delay or the visibility
 * timeout, and messages that keep failing land in the group's dead-letter list. Broadcast subscribers each get
 * their own copy of every event, once.
 */
export const memoryBus = ({ maxLen = 10_000 }: MemoryBusOptions = {}): MemoryBus => {
  const streams = new Map<string, Stream>()
  const deadLetters = new Map<string, DeadLetter[]>()
  const subscriptions = new Set<Subscription>()

  const stream = (name: string): Stream => {
    let s = streams.get(name)
    if (!s) {
      s = { entries: [], nextSeq: 1, groups: new Map(), listeners: new Set() }
      streams.set(name, s)
    }
    return s
  }

  const wakeAll = (group: Group) => {
    for (const wake of group.wakers) wake()
  }

  const publish = async (envelope: EventEnvelope): Promise<void> => {
    const s = stream(envelope.type)
    const seq = s.nextSeq++
    const entry = { seq, id: `${seq}-0`, raw: JSON.stringify(envelope) }
    s.entries.push(entry)
    if (s.entries.length > maxLen) s.entries.splice(0, s.entries.length - maxLen)
    // Delivery happens on the consumers' own loops: publish never waits for handlers, so a relay holding a
    // transaction on the single embedded connection cannot deadlock against a handler that needs it.
    for (const group of s.groups.values()) wakeAll(group)
    for (const listener of s.listeners) {
      // A listener that falls this far behind loses its oldest events, as a Redis reader would to trimming.
      if (listener.queue.push(entry) > maxLen) listener.queue.shift()
      listener.wake()
    }
  }

  const subscribe = async <C extends AnyEventContract>(
    groupName: string,
    consumer: string,
    contracts: readonly C[],
    handler: EventHandler<C>,
    subscribeOptions?: SubscribeOptions,
  ): Promise<Subscription> => {
    const options = resolveSubscribeOptions(subscribeOptions)
    const names = [...new Set(contracts.map((c) => c.type))]
    const groups = names.map((name) => {
      const s = stream(name)
      let group = s.groups.get(groupName)
      if (!group) {
        const cursor = options.from === 'latest' ? s.nextSeq - 1 : 0
        group = { cursor, pending: new Map(), wakers: new Set() }
        s.groups.set(groupName, group)
      }
      return { name, stream: s, group }
    })
    const deadList = deadLetters.get(groupName) ?? []
    deadLetters.set(groupName, deadList)

    const bury = (name: string, p: Pending, error: string) =>
      deadList.push({
        group: groupName,
        consumer,
        stream: name,
        messageId: p.entry.id,
        deliveries: p.deliveries,
        error,
        failedAt: new Date().toISOString(),
        envelope: JSON.parse(p.entry.raw),
      })

    // Mirrors XAUTOCLAIM then XREADGROUP: due retries and abandoned messages first, then new ones.
    const take = (): { name: string; group: Group; pending: Pending } | undefined => {
      const now = Date.now()
      for (const { name, group } of groups) {
        for (const p of group.pending.values()) {
          if (p.visibleAt > now) continue
          if (p.deliveries >= options.maxDeliveries) {
            group.pending.delete(p.entry.id)
            bury(name, p, unacknowledgedError(p.deliveries))
            continue
          }
          p.consumer = consumer
          p.deliveries++
          p.visibleAt = now + options.visibilityTimeoutMs
          return { name, group, pending: p }
        }
      }
      for (const { name, stream: s, group } of groups) {
        const first = s.entries[0]
        if (!first) continue
        const entry = s.entries[Math.max(0, group.cursor + 1 - first.seq)]
        if (!entry) continue
        group.cursor = entry.seq
        const p = { entry, consumer, deliveries: 1, visibleAt: now + options.visibilityTimeoutMs }
        group.pending.set(entry.id, p)
        return { name, group, pending: p }
      }
      return undefined
    }

    const nextDue = (): number | undefined => {
      let due: number | undefined
      for (const { group } of groups)
        for (const p of group.pending.values()) if (due === undefined || p.visibleAt < due) due = p.visibleAt
      return due
    }

    let stopped = false
    let wake = () => {}
    const sleep = () =>
      new Promise<void>((resolve) => {
        const due = nextDue()
        const timer = due === undefined ? undefined : setTimeout(resolve, Math.max(0, due - Date.now()))
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    const waker = () => wake()
    for (const { group } of groups) group.wakers.add(waker)

    const loop = async () => {
      while (!stopped) {
        const next = take()
        if (!next) {
          await sleep()
          continue
        }
        const { name, group, pending: p } = next
        const deliveries = p.deliveries
        const context = { group: groupName, consumer, messageId: p.entry.id, deliveries }
        const outcome = await deliver(contracts, handler, p.entry.raw, context, options)
        // Like XACK, an ack counts whoever holds the message now; a failure only counts if this consumer still
        // holds it, since after the visibility timeout another consumer may have taken it over.
        const stillOurs =
          group.pending.get(p.entry.id) === p && p.consumer === consumer && p.deliveries === deliveries
        if (outcome.kind === 'ack') group.pending.delete(p.entry.id)
        else if (stillOurs && outcome.kind === 'dead') {
          group.pending.delete(p.entry.id)
          bury(name, p, outcome.error)
        } else if (stillOurs) {
          p.visibleAt = Date.now() + retryDelay(options, deliveries)
          wakeAll(group)
        }
      }
    }
    const running = loop()

    const subscription: Subscription = {
      stop: async () => {
        stopped = true
        for (const { group } of groups) group.wakers.delete(waker)
        wake()
        await running
        subscriptions.delete(subscription)
      },
    }
    subscriptions.add(subscription)
    return subscription
  }

  const subscribeBroadcast = async <C extends AnyEventContract>(
    contracts: readonly C[],
    handler: BroadcastHandler<C>,
    options: BroadcastOptions = {},
  ): Promise<Subscription> => {
    const listened = [...new Set(contracts.map((c) => c.type))].map(stream)
    let stopped = false
    let resume = () => {}
    const listener: Listener = { queue: [], wake: () => resume() }
    for (const s of listened) s.listeners.add(listener)

    const loop = async () => {
      while (!stopped) {
        const entry = listener.queue.shift()
        if (entry) await deliverBroadcast(contracts, handler, entry.raw, entry.id, options.logger)
        else
          await new Promise<void>((resolve) => {
            resume = resolve
          })
      }
    }
    const running = loop()

    const subscription: Subscription = {
      stop: async () => {
        stopped = true
        for (const s of listened) s.listeners.delete(listener)
        resume()
        await running
        subscriptions.delete(subscription)
      },
    }
    subscriptions.add(subscription)
    return subscription
  }

  return {
    publish,
    subscribe,
    subscribeBroadcast,
    deadLetters: async (group) => [...(deadLetters.get(group) ?? [])],
    close: async () => {
      await Promise.all([...subscriptions].map((s) => s.stop()))
    },
  }
}
