import type Redis from 'ioredis'
import type { RateLimitOptions } from './gcra.ts'
import { gcraLua } from './gcra-lua.ts'
import {
  failure,
  fromScriptReply,
  isNoScript,
  type RateLimitCheck,
  type RateLimitStore,
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

const args = (o: RateLimitOptions, now?: () => number): (string | number)[] => {
  const a: (string | number)[] = [o.limit, o.windowMs, o.cost ?? 1]
  if (now) a.push(Math.floor(now() * 1000))
  return a
}

/**
 * The limiter on Redis via ioredis. Create the client with `enableOfflineQueue: false` and
 * `maxRetriesPerRequest: 0` so a dead Redis fails at once instead of queueing commands.
 */
export const redisStore = (redis: Redis, options: RedisStoreOptions = {}): RateLimitStore => {
  const prefix = options.prefix ?? 'myshop:rl:'
  const timeoutMs = options.timeoutMs ?? 100
  const sha = scriptSha(gcraLua)

  const run = async (checks: RateLimitCheck[], useEval: boolean) => {
    const hash = await sha
    const p = redis.pipeline()
    for (const c of checks) {
      const a = args(c.options, options.now)
      if (useEval) p.eval(gcraLua, 1, prefix + c.key, ...a)
      else p.evalsha(hash, 1, prefix + c.key, ...a)
    }
    const replies = (await p.exec()) ?? []
    return replies
  }

  const checkMany: RateLimitStore['checkMany'] = async (checks) => {
    try {
      return await withTimeout(
        (async () => {
          let replies = await run(checks, false)
          // First call after a Redis restart or flush: the script cache is empty, send the source once.
          if (replies.some(([err]) => isNoScript(err))) replies = await run(checks, true)
          return replies.map(([err, reply], i) => {
            if (err) throw err
            return fromScriptReply(reply, checks[i]!.options.limit)
          })
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
