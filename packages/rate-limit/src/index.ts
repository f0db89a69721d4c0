export {
  emissionInterval,
  type GcraDecision,
  gcra,
  type RateLimitOptions,
  type RateLimitResult,
} from './gcra.ts'
export { gcraLua } from './gcra-lua.ts'
export { type MemoryStoreOptions, memoryStore } from './memory.ts'
export { type RedisStoreOptions, redisStore } from './redis.ts'
export { type RespClient, respStore } from './resp-client.ts'
export type { RateLimitCheck, RateLimitFailure, RateLimitStore } from './store.ts'
export { type UpstashStoreOptions, upstashStore } from './upstash.ts'
