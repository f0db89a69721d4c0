import type { Redis } from '@upstash/redis'
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

export interface UpstashStoreOptions {
  prefix?: string
  /** HTTP round trips are slower than TCP ones; still, a stalled request must not hold the caller. */
  timeoutMs?: number
  /** Milliseconds since the epoch. Only for tests: by default the Redis server clock is used. */
  now?: () => number
}

/** The same limiter over Upstash's HTTP API, for runtimes without TCP sockets (Workers). */
export const upstashStore = (redis: Redis, options: UpstashStoreOptions = {}): RateLimitStore => {
  const prefix = options.prefix ?? 'myshop:rl:'
  const timeoutMs = options.timeoutMs ?? 500
  const sha = scriptSha(gcraLua)

  const checkMany: RateLimitStore['checkMany'] = async (checks) => {
    const { keys, args } = scriptCall(checks, prefix, options.now)
    try {
      return await withTimeout(
        (async () => {
          let reply: unknown
          try {
            reply = await redis.evalsha(await sha, keys, args)
          } catch (e) {
            if (!isNoScript(e)) throw e
            reply = await redis.eval(gcraLua, keys, args)
          }
          return fromScriptReply(reply, checks)
        })(),
        timeoutMs,
        'upstash rate-limit check',
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
