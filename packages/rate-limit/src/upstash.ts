import type { Redis } from '@upstash/redis'
import { gcraLua } from './gcra-lua.ts'
import { type RateLimitStore, scriptStore } from './store.ts'

export interface UpstashStoreOptions {
  prefix?: string
  /** HTTP round trips are slower than TCP ones; still, a stalled request must not hold the caller. */
  timeoutMs?: number
  /** Milliseconds since the epoch. Only for tests: by default the Redis server clock is used. */
  now?: () => number
}

/** The same limiter over Upstash's HTTP API, for runtimes without TCP sockets (Workers). */
export const upstashStore = (redis: Redis, options: UpstashStoreOptions = {}): RateLimitStore =>
  scriptStore(
    {
      evalsha: (sha, keys, args) => redis.evalsha(sha, keys, args),
      eval: (source, keys, args) => redis.eval(source, keys, args),
    },
    gcraLua,
    { prefix: options.prefix, timeoutMs: options.timeoutMs ?? 500, now: options.now, name: 'upstash' },
  )
