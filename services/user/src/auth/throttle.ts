import type Redis from 'ioredis'

/** Counts failures per key inside a fixed window; the window starts at the first failure. */
export interface AttemptStore {
  /** Adds one failure and returns the count in the current window and the seconds it has left. */
  fail(key: string, windowSeconds: number): Promise<{ count: number; ttlSeconds: number }>
  peek(key: string): Promise<{ count: number; ttlSeconds: number }>
  reset(key: string): Promise<void>
}

const prefix = 'myshop:login-failures:'

const failScript = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return { n, redis.call('TTL', KEYS[1]) }`

export const redisAttemptStore = (redis: Redis): AttemptStore => ({
  async fail(key, windowSeconds) {
    const [count, ttl] = (await redis.eval(failScript, 1, prefix + key, windowSeconds)) as [number, number]
    return { count, ttlSeconds: Math.max(ttl, 1) }
  },
  async peek(key) {
    const [count, ttl] = await redis
      .multi()
      .get(prefix + key)
      .ttl(prefix + key)
      .exec()
      .then((r) => [r?.[0]?.[1], r?.[1]?.[1]])
    return { count: Number(count ?? 0), ttlSeconds: Math.max(Number(ttl ?? 0), 0) }
  },
  async reset(key) {
    await redis.del(prefix + key)
  },
})

/** The in-process equivalent for embedded mode. */
export const memoryAttemptStore = (now: () => number = Date.now): AttemptStore => {
  const windows = new Map<string, { count: number; resetAt: number }>()
  const live = (key: string) => {
    const w = windows.get(key)
    if (w && w.resetAt <= now()) {
      windows.delete(key)
      return undefined
    }
    return w
  }
  const view = (w: { count: number; resetAt: number } | undefined) =>
    w
      ? { count: w.count, ttlSeconds: Math.max(1, Math.ceil((w.resetAt - now()) / 1000)) }
      : { count: 0, ttlSeconds: 0 }
  return {
    async fail(key, windowSeconds) {
      const w = live(key) ?? { count: 0, resetAt: now() + windowSeconds * 1000 }
      w.count++
      windows.set(key, w)
      return view(w)
    },
    async peek(key) {
      return view(live(key))
    },
    async reset(key) {
      windows.delete(key)
    },
  }
}
