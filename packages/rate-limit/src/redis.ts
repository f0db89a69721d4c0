import type Redis from 'ioredis'
import { gcraLua } from './gcra-lua.ts'
import { type RateLimitStore, type ScriptStoreOptions, scriptStore } from './store.ts'

export interface RedisStoreOptions {
  /** Key prefix, so several deployments can share one Redis. */
  prefix?: string
  /** Give up on Redis after this long and report a failure; the caller falls back. */
  timeoutMs?: number
  /** Milliseconds since the epoch. Only for tests: by default the Redis server clock is used. */
  now?: () => number
  /**
   * Send the checks of requests that ask in the same turn of the event loop as one script call: one command
   * instead of one per request, for a server sharing this client between its requests.
   */
  coalesce?: boolean
}

/**
 * The limiter on Redis via ioredis. Create the client with `enableOfflineQueue: false` and
 * `maxRetriesPerRequest: 0` so a dead Redis fails at once instead of queueing commands.
 */
export const redisStore = (redis: Redis, options: RedisStoreOptions = {}): RateLimitStore =>
  scriptStore(
    {
      // Plain commands, not a pipeline: with `enableAutoPipelining` concurrent requests share writes.
      evalsha: (sha, keys, args) => redis.evalsha(sha, keys.length, ...keys, ...args),
      eval: (source, keys, args) => redis.eval(source, keys.length, ...keys, ...args),
    },
    gcraLua,
    redisScriptOptions(options),
  )

/** The script store's options for a Redis client over TCP, whichever client it is. */
export const redisScriptOptions = (options: RedisStoreOptions): ScriptStoreOptions => ({
  prefix: options.prefix,
  timeoutMs: options.timeoutMs ?? 100,
  now: options.now,
  name: 'redis',
  coalesce: options.coalesce,
})
