import { createHash } from 'node:crypto'
import { AppError } from '@myshop/errors'
import type Redis from 'ioredis'
import type { UserSettings } from '../deps.ts'

/** Counts failures per key inside a fixed window; the window starts at the first failure. */
export interface AttemptStore {
  /** Adds one failure and returns the count in the current window and the seconds it has left. */
  fail(key: string, windowSeconds: number): Promise<{ count: number; ttlSeconds: number }>
  peek(key: string): Promise<{ count: number; ttlSeconds: number }>
  reset(key: string): Promise<void>
  /** Sets `key` (count 1) for `ttlSeconds` unless it is live already; answers whether it was set. */
  hold(key: string, ttlSeconds: number): Promise<boolean>
  /** Removes every key that starts with `prefix`; answers how many there were. */
  clear(prefix: string): Promise<number>
}

const failScript = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return { n, redis.call('TTL', KEYS[1]) }`

/**
 * Counters in Redis under the shop's namespace (REDIS_PREFIX): the same email's failures in another shop on the
 * same Redis neither count here nor lock the account here.
 */
export const redisAttemptStore = (redis: Redis, namespace = 'myshop'): AttemptStore => {
  const prefix = `${namespace}:login-failures:`
  return {
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
    async hold(key, ttlSeconds) {
      return (await redis.set(prefix + key, '1', 'EX', ttlSeconds, 'NX')) === 'OK'
    },
    async clear(start) {
      // An account has a handful of counters; SCAN walks the keyspace without blocking Redis as KEYS would.
      // The namespace is escaped too: an embedded shop's holds its data directory's path, which may hold any of them.
      const pattern = `${`${prefix}${start}`.replace(/[*?[\]\\]/g, '\\$&')}*`
      let cursor = '0'
      let cleared = 0
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
        if (keys.length > 0) cleared += await redis.del(...keys)
        cursor = next
      } while (cursor !== '0')
      return cleared
    },
  }
}

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
    async hold(key, ttlSeconds) {
      if (live(key)) return false
      windows.set(key, { count: 1, resetAt: now() + ttlSeconds * 1000 })
      return true
    },
    async clear(start) {
      const keys = [...windows.keys()].filter((key) => key.startsWith(start) && live(key))
      for (const key of keys) windows.delete(key)
      return keys.length
    },
  }
}

/** The key under which an email's counters live: case and surrounding spaces do not make a new account. */
export const accountKey = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)

/** A failure counter and how many failures it allows in the window. */
export interface Counter {
  key: string
  max: number
  /** Its own window, when it must outlast LOGIN_LOCK_SECONDS. */
  windowSeconds?: number
}

/**
 * The counters a guess at an account's password counts against: a known device's own, or else the client
 * address's and the account's overall, so guessing from many addresses meets the account's limit while the
 * owner's devices stay open.
 */
export const passwordCounters = (
  settings: UserSettings,
  email: string,
  client: { ip: string | null; deviceId?: string | null },
): Counter[] => {
  const base = accountKey(email)
  return client.deviceId
    ? [{ key: `${base}:device:${client.deviceId}`, max: settings.maxFailuresPerClient }]
    : [
        { key: `${base}:ip:${client.ip ?? 'unknown'}`, max: settings.maxFailuresPerClient },
        { key: base, max: settings.maxFailuresPerAccount },
      ]
}

/**
 * The counters a guess at the current password in a password change counts against: the client's (shared with its
 * sign-ins) and the session's, so a stolen access token allows a few guesses wherever it is used from. Not the
 * account's overall counter: a spray of failed sign-ins must not stop the signed-in owner from changing the password.
 */
export const passwordChangeCounters = (
  settings: UserSettings,
  email: string,
  client: { ip: string | null; sessionId: string },
): Counter[] => {
  const base = accountKey(email)
  return [
    { key: `${base}:ip:${client.ip ?? 'unknown'}`, max: settings.maxFailuresPerClient },
    { key: `${base}:session:${client.sessionId}`, max: settings.maxFailuresPerClient },
  ]
}

/** Answers 429 with Retry-After while any of the counters is at its limit. */
export const assertNotLocked = async (attempts: AttemptStore, counters: Counter[]) => {
  const states = await Promise.all(counters.map((c) => attempts.peek(c.key)))
  const blocked = states.filter((s, i) => s.count >= counters[i]!.max)
  if (blocked.length > 0) {
    const retryAfter = Math.max(...blocked.map((s) => s.ttlSeconds))
    throw new AppError('too_many_attempts', {
      detail: 'Too many failed sign-ins; try again later',
      headers: { 'retry-after': String(retryAfter) },
    })
  }
}

/** Counts one failed guess on every counter. */
export const countFailure = async (attempts: AttemptStore, counters: Counter[], windowSeconds: number) => {
  await Promise.all(counters.map((c) => attempts.fail(c.key, c.windowSeconds ?? windowSeconds)))
}
