import type { Redis } from '@upstash/redis'
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

export interface UpstashStoreOptions {
  prefix?: string
  /** HTTP round trips are slower than TCP ones; still, a stalled request must not hold the caller. */
  timeoutMs?: number
  /** Milliseconds since the epoch. Only for tests: by default the Redis server clock is used. */
  now?: () => number
}

const args = (o: RateLimitOptions, now?: () => number): string[] => {
  const a = [String(o.limit), String(o.windowMs), String(o.cost ?? 1)]
  if (now) a.push(String(Math.floor(now() * 1000)))
  return a
}

/** The same limiter over Upstash's HTTP API, for runtimes without TCP sockets (Workers). */
export const upstashStore = (redis: Redis, options: UpstashStoreOptions = {}): RateLimitStore => {
  const prefix = options.prefix ?? 'myshop:rl:'
  const timeoutMs = options.timeoutMs ?? 500
  const sha = scriptSha(gcraLua)

  const one = async (c: RateLimitCheck) => {
    const keys = [prefix + c.key]
    const a = args(c.options, options.now)
    let reply: unknown
    try {
      reply = await redis.evalsha(await sha, keys, a)
    } catch (e) {
      if (!isNoScript(e)) throw e
      reply = await redis.eval(gcraLua, keys, a)
    }
    return fromScriptReply(reply, c.options.limit)
  }

  const checkMany: RateLimitStore['checkMany'] = async (checks) => {
    try {
      // The REST client sends concurrent commands as separate requests; that is its pipeline.
      return await withTimeout(Promise.all(checks.map(one)), timeoutMs, 'upstash rate-limit check')
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
