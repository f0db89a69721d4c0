import type Redis from 'ioredis'
import { gcraLua } from './gcra-lua.ts'
import {
  failure,
  fromScriptReply,
  isNoScript,
  type RateLimitStore,
  scriptCall,
  scriptSha,
  withTimeout,
} from './store.ts'

export interface RedisStoreOptions {
  /** Key prefix, so several deployments can share one Redis. */
  prefix?: string
  /** Give up on Redis after this long and report a failure; the caller falls back. */
  timeoutMs?: number
  /** Milliseconds since the epoch. Only for tests: by default the Redis server clock is used. */
  now?: () => number
}

/**
 * The limiter on Redis via ioredis. Create the client with `enableOfflineQueue: false` and
 * `maxRetriesPerRequest: 0` so a dead Redis fails at once instead of queueing commands.
 */
export const redisStore = (redis: Redis, options: RedisStoreOptions = {}): RateLimitStore => {
  const prefix = options.prefix ?? 'myshop:rl:'
  const timeoutMs = options.timeoutMs ?? 100
  const sha = scriptSha(gcraLua)

  const checkMany: RateLimitStore['checkMany'] = async (checks) => {
    const { keys, args } = scriptCall(checks, prefix, options.now)
    try {
      return await withTimeout(
        (async () => {
          let reply: unknown
          try {
            // A plain command, not a pipeline: with `enableAutoPipelining` concurrent requests share writes.
            reply = await redis.evalsha(await sha, keys.length, ...keys, ...args)
          } catch (e) {
            // First call after a Redis restart or flush: the script cache is empty, send the source once.
            if (!isNoScript(e)) throw e
            reply = await redis.eval(gcraLua, keys.length, ...keys, ...args)
          }
          return fromScriptReply(reply, checks)
        })(),
        timeoutMs,
        'redis rate-limit check',
      )
    } catch (e) {
      return failure(e)
    }
  }

  return {
    async check(key, opts) {
      const r = await checkMany([{ key, options: opts }])
      return Array.isArray(r) ? r[0]! : r
    },
    checkMany,
  }
}
