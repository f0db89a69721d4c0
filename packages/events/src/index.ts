export type {
  BroadcastHandler,
  BroadcastOptions,
  DeadLetter,
  DeliveryContext,
  EventBus,
  EventHandler,
  Publisher,
  SubscribeOptions,
  Subscription,
} from './bus.ts'
export * from './contracts/index.ts'
export {
  type AnyEventContract,
  defineEvent,
  type EnvelopeMeta,
  type EnvelopeOf,
  type EventContract,
  type EventEnvelope,
  envelopeSchema,
  PoisonMessageError,
  validateEnvelope,
} from './envelope.ts'
export { type InboxResult, inbox } from './inbox.ts'
export { type MemoryBus, type MemoryBusOptions, memoryBus } from './memory-bus.ts'
export { outbox } from './outbox.ts'
export { openServiceRedis, type ServiceRedisOptions } from './redis-client.ts'
export { type RedisStreamsBusOptions, redisStreamsBus } from './redis-streams-bus.ts'
export { createRelay, type Relay, type RelayOptions } from './relay.ts'
export { eventTablesSql } from './tables.ts'
