import type { Logger } from '@myshop/logger'
import {
  type AnyEventContract,
  type EnvelopeOf,
  type EventEnvelope,
  PoisonMessageError,
  validateEnvelope,
} from './envelope.ts'

/** Anything the relay can hand an event to. */
export interface Publisher {
  publish(envelope: EventEnvelope): Promise<void>
  /**
   * Publishes several events in order in one exchange with the broker, where it has one. Resolves with how many
   * of them, from the first, are published, and the error that stopped the rest. Without it, a relay publishes
   * one event per round trip.
   */
  publishMany?(envelopes: readonly EventEnvelope[]): Promise<{ published: number; error?: unknown }>
}

/** What a handler knows about the delivery it is running in. */
export interface DeliveryContext {
  group: string
  consumer: string
  /** Transport id of the message (a stream entry id). */
  messageId: string
  /** 1 on the first delivery; grows with every retry. */
  deliveries: number
}

/** Handles one validated event; throwing means "retry later", throwing `PoisonMessageError` means "never". */
export type EventHandler<C extends AnyEventContract> = (
  envelope: EnvelopeOf<C>,
  context: DeliveryContext,
) => unknown

export interface SubscribeOptions {
  /** Deliveries before a failing message is dead-lettered (default 5). */
  maxDeliveries?: number
  /** How long a delivered, unacknowledged message belongs to its consumer before another may claim it (default 30 s). */
  visibilityTimeoutMs?: number
  /** Delay before the first retry of a failed message; doubles per delivery, capped at the visibility timeout (default 1 s). */
  retryDelayMs?: number
  /** Where a group created by this call starts: only events published from now on (default), or the retained history. */
  from?: 'latest' | 'earliest'
  /** Messages fetched per read (default 16). */
  batchSize?: number
  /** Redis only: how long one XREADGROUP blocks, which bounds how late a retry or `stop()` can be (default 2 s). */
  blockMs?: number
  logger?: Logger
}

/** Handles one validated event of a broadcast subscription; a failure is logged and the event skipped. */
export type BroadcastHandler<C extends AnyEventContract> = (envelope: EnvelopeOf<C>) => unknown

export interface BroadcastOptions {
  /**
   * Messages fetched per read (default 128). A broadcast reader holds nothing for others and acknowledges nothing,
   * so a large read only saves round trips: a bulk write's events arrive in a few reads instead of thousands.
   */
  batchSize?: number
  /** Redis only: how long one XREAD blocks before it is issued again (default 2 s). */
  blockMs?: number
  logger?: Logger
}

/** A running consumer; `stop()` lets the message in hand finish and then returns. */
export interface Subscription {
  stop(): Promise<void>
}

/** A message that was given up on, with the reason. */
export interface DeadLetter {
  group: string
  consumer: string
  /** The event type's stream the message came from. */
  stream: string
  messageId: string
  deliveries: number
  error: string
  failedAt: string
  /** The message as received, which may not be a valid envelope. */
  envelope: unknown
}

/**
 * The event transport: at-least-once delivery to consumer groups (every group gets every event, the consumers of
 * one group share them), retries with backoff, and a dead-letter list per group.
 */
export interface EventBus extends Publisher {
  /**
   * Starts consumer `consumer` of `group` on the contracts' event types. Resolves once the group exists, so events
   * published afterwards reach it. Messages matching no listed contract version, or with an invalid payload, are
   * dead-lettered without calling the handler.
   */
  subscribe<C extends AnyEventContract>(
    group: string,
    consumer: string,
    contracts: readonly C[],
    handler: EventHandler<C>,
    options?: SubscribeOptions,
  ): Promise<Subscription>
  /**
   * Starts a broadcast subscription: this process sees every event of the contracts' types published from now on,
   * next to (and unseen by) the consumer groups. Nothing is stored per subscriber, so nothing is left behind when
   * a process dies. Delivery is at-most-once: no acknowledgement, retry or dead letter; an invalid message or a
   * failing handler is logged and skipped, and events published while the process is down are never seen. Meant
   * for effects that are safe to miss, such as dropping an in-process cache entry that expires anyway.
   * Resolves once listening, so events published afterwards reach it.
   */
  subscribeBroadcast<C extends AnyEventContract>(
    contracts: readonly C[],
    handler: BroadcastHandler<C>,
    options?: BroadcastOptions,
  ): Promise<Subscription>
  /** The dead letters of a group, oldest first. */
  deadLetters(group: string): Promise<DeadLetter[]>
  /** Stops every subscription, broadcast ones included; the bus does not close connections it was given. */
  close(): Promise<void>
}

/** Subscribe options with every default filled in. */
export type ResolvedSubscribeOptions = Required<Omit<SubscribeOptions, 'logger'>> & {
  logger: Logger | undefined
}

export const resolveSubscribeOptions = (options: SubscribeOptions = {}): ResolvedSubscribeOptions => {
  const resolved = {
    maxDeliveries: options.maxDeliveries ?? 5,
    visibilityTimeoutMs: options.visibilityTimeoutMs ?? 30_000,
    retryDelayMs: options.retryDelayMs ?? 1_000,
    from: options.from ?? 'latest',
    batchSize: options.batchSize ?? 16,
    blockMs: options.blockMs ?? 2_000,
    logger: options.logger,
  }
  if (resolved.maxDeliveries < 1) throw new Error('maxDeliveries must be at least 1')
  return resolved
}

/** Delay before the next delivery of a message that failed on delivery `deliveries`. */
export const retryDelay = (options: ResolvedSubscribeOptions, deliveries: number): number =>
  Math.min(options.retryDelayMs * 2 ** (deliveries - 1), options.visibilityTimeoutMs)

/** What a transport must do with a message after one delivery attempt. */
export type DeliveryOutcome =
  | { kind: 'ack' }
  | { kind: 'retry'; error: string }
  | { kind: 'dead'; error: string }

const describe = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e))

const parse = <C extends AnyEventContract>(
  contracts: readonly C[],
  raw: string,
): { envelope: EnvelopeOf<C> } | { error: string } => {
  try {
    return { envelope: validateEnvelope(contracts, JSON.parse(raw)) }
  } catch (e) {
    return { error: e instanceof SyntaxError ? `malformed JSON: ${e.message}` : describe(e) }
  }
}

/**
 * One delivery attempt, shared by every transport so they agree on semantics: parse, validate against the
 * contracts, run the handler, and decide between ack, retry and dead-letter.
 */
export const deliver = async <C extends AnyEventContract>(
  contracts: readonly C[],
  handler: EventHandler<C>,
  raw: string,
  context: DeliveryContext,
  options: ResolvedSubscribeOptions,
): Promise<DeliveryOutcome> => {
  const parsed = parse(contracts, raw)
  if ('error' in parsed) {
    const { error } = parsed
    options.logger?.warn({ group: context.group, messageId: context.messageId, error }, 'event dead-lettered')
    return { kind: 'dead', error }
  }
  const { envelope } = parsed
  try {
    await handler(envelope, context)
    return { kind: 'ack' }
  } catch (e) {
    const error = describe(e)
    const log = {
      group: context.group,
      eventId: envelope.id,
      type: envelope.type,
      deliveries: context.deliveries,
    }
    if (e instanceof PoisonMessageError || context.deliveries >= options.maxDeliveries) {
      options.logger?.error({ ...log, error }, 'event dead-lettered')
      return { kind: 'dead', error }
    }
    options.logger?.warn({ ...log, error }, 'event handler failed; will retry')
    return { kind: 'retry', error }
  }
}

/** The error recorded for a message whose consumers kept dying before they could acknowledge it. */
export const unacknowledgedError = (deliveries: number): string =>
  `not acknowledged after ${deliveries} deliveries (consumer crashed or timed out)`

/** One broadcast delivery, shared by every transport: validate, run the handler, and log rather than retry. */
export const deliverBroadcast = async <C extends AnyEventContract>(
  contracts: readonly C[],
  handler: BroadcastHandler<C>,
  raw: string,
  messageId: string,
  logger: Logger | undefined,
): Promise<void> => {
  const parsed = parse(contracts, raw)
  if ('error' in parsed) {
    logger?.warn({ messageId, error: parsed.error }, 'broadcast event skipped')
    return
  }
  const { envelope } = parsed
  try {
    await handler(envelope)
  } catch (e) {
    logger?.warn(
      { eventId: envelope.id, type: envelope.type, error: describe(e) },
      'broadcast handler failed; event skipped',
    )
  }
}
