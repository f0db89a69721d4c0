import { createHash } from 'node:crypto'
import type Redis from 'ioredis'

/** A rendered response body and its entity tag. */
export interface CachedResponse {
  body: string
  etag: string
}

/**
 * Cached catalog reads. Product entries are deleted by key when the product changes; listings carry a
 * generation number in their key, so one increment makes every cached listing unreachable at once.
 * Cache failures are misses, never errors: the database still answers.
 */
export interface ResponseCache {
  get(key: string): Promise<CachedResponse | null>
  /** The entry when this process holds it, answered without waiting; null means "ask `get`". */
  peek(key: string): CachedResponse | null
  set(key: string, value: CachedResponse, ttlSeconds: number): Promise<void>
  delete(keys: string[]): Promise<void>
  generation(): Promise<number>
  bump(): Promise<void>
}

/** How long a cached catalog read is kept (writes delete or outdate entries long before). */
export const cacheTtlSeconds = 300

/** A strong entity tag for a body. */
export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`

// The entries' shape version: raised by a release whose cached bodies differ from the one before (2: products carry
// `options`, listings `facets.options`), so that it neither serves the older bodies nor has its own served by them.
const shape = 'catalog:cache:2:'
/** Where an entry lives in Redis, under the shop's namespace (REDIS_PREFIX). */
export const redisKeyOf = (key: string, namespace = 'myshop'): string => `${namespace}:${shape}${key}`

export interface RedisResponseCacheOptions {
  /** The shop's namespace (REDIS_PREFIX): another shop on the same Redis neither reads nor bumps these keys. */
  namespace?: string
  /** After a command fails, reads skip Redis for this long instead of each waiting out the timeout (default 1 s). */
  pauseMs?: number
  /** How often invalidations Redis refused are sent again (default 1 s). */
  retryMs?: number
  now?: () => number
}

/**
 * The shared cache in Redis. While Redis is unreachable, reads are misses at once (not connected) or after one
 * command timeout (frozen), then skip it for `pauseMs`; the invalidations it refuses are kept and sent again
 * until it takes them, so entries cached before an outage are not served after it over a write made during it.
 */
export const redisResponseCache = (
  redis: Redis,
  { namespace = 'myshop', pauseMs = 1_000, retryMs = 1_000, now = Date.now }: RedisResponseCacheOptions = {},
): ResponseCache => {
  const entryKey = (key: string) => redisKeyOf(key, namespace)
  const generationKey = `${namespace}:catalog:generation`
  let pausedUntil = 0
  const usable = () => redis.status === 'ready' && now() >= pausedUntil
  const failed = () => {
    pausedUntil = now() + pauseMs
  }
  const unsent = new Set<string>()
  let bumpUnsent = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const invalidate = async (keys: string[], bump: boolean) => {
    try {
      // The generation moves after the keys go, so a listing cached under the new generation cannot predate them.
      if (keys.length) await redis.del(...keys.map(entryKey))
      if (bump) await redis.incr(generationKey)
      return true
    } catch {
      failed()
      // A client closed for good (the service stopping) will take nothing more.
      if (redis.status === 'end') return false
      for (const k of keys) unsent.add(k)
      bumpUnsent ||= bump
      timer ??= setTimeout(resend, retryMs)
      timer.unref?.()
      return false
    }
  }
  const resend = async () => {
    timer = undefined
    const keys = [...unsent]
    const bump = bumpUnsent
    unsent.clear()
    bumpUnsent = false
    await invalidate(keys, bump)
  }
  return {
    async get(key) {
      if (!usable()) return null
      try {
        const raw = await redis.get(entryKey(key))
        return raw ? (JSON.parse(raw) as CachedResponse) : null
      } catch {
        failed()
        return null
      }
    },
    peek: () => null,
    async set(key, value, ttlSeconds) {
      if (!usable()) return
      await redis.set(entryKey(key), JSON.stringify(value), 'EX', ttlSeconds).catch(failed)
    },
    async delete(keys) {
      if (keys.length) await invalidate(keys, false)
    },
    async generation() {
      if (!usable()) return -1
      try {
        return Number((await redis.get(generationKey)) ?? 0)
      } catch {
        failed()
        return -1
      }
    },
    async bump() {
      await invalidate([], true)
    },
  }
}

/** The in-process equivalent for embedded mode: bounded, with expiry. */
export const memoryResponseCache = ({ maxEntries = 10_000, now = Date.now } = {}): ResponseCache => {
  const entries = new Map<string, { value: CachedResponse; expiresAt: number }>()
  let gen = 0
  const peek = (key: string) => {
    const e = entries.get(key)
    if (!e) return null
    if (e.expiresAt <= now()) {
      entries.delete(key)
      return null
    }
    return e.value
  }
  return {
    peek,
    async get(key) {
      return peek(key)
    },
    async set(key, value, ttlSeconds) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string)
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 })
    },
    async delete(keys) {
      for (const k of keys) entries.delete(k)
    },
    async generation() {
      return gen
    },
    async bump() {
      gen++
    },
  }
}

/** A shared cache with an in-process layer in front, which other instances' writes reach through events. */
export interface LayeredResponseCache extends ResponseCache {
  /** Drops this process's copies of `keys` and of the listing generation; the shared cache is left alone. */
  forgetLocal(keys: string[]): void
  /** Drops every copy this process holds. */
  forgetAllLocal(): void
}

export interface LayeredResponseCacheOptions {
  /** How long an entry (and the listing generation) is served from process memory (default 1 s). */
  localTtlMs?: number
  maxEntries?: number
  now?: () => number
}

/**
 * An in-process layer in front of a shared cache: hot catalog reads are answered without a network round trip.
 * This instance drops its own entries when it writes, so it reads its writes; other instances drop theirs when
 * the change's event reaches them (`forgetLocal`), and `localTtlMs` bounds how long one may serve an entry
 * whose event it missed.
 */
export const layeredResponseCache = (
  remote: ResponseCache,
  { localTtlMs = 1_000, maxEntries = 5_000, now = Date.now }: LayeredResponseCacheOptions = {},
): LayeredResponseCache => {
  const local = new Map<string, { value: CachedResponse; expiresAt: number }>()
  let generation: { value: number; expiresAt: number } | null = null
  // Counts `forgetLocal` calls: a remote read that was in flight across one may have fetched what it dropped,
  // so its answer is returned but not kept.
  let forgets = 0
  const peek = (key: string) => {
    const hit = local.get(key)
    return hit && hit.expiresAt > now() ? hit.value : null
  }
  return {
    peek,
    async get(key) {
      const held = peek(key)
      if (held) return held
      const before = forgets
      const value = await remote.get(key)
      if (value && before === forgets) {
        if (local.size >= maxEntries) local.delete(local.keys().next().value as string)
        local.set(key, { value, expiresAt: now() + localTtlMs })
      }
      return value
    },
    async set(key, value, ttlSeconds) {
      local.set(key, { value, expiresAt: now() + Math.min(localTtlMs, ttlSeconds * 1000) })
      await remote.set(key, value, ttlSeconds)
    },
    async delete(keys) {
      for (const k of keys) local.delete(k)
      await remote.delete(keys)
    },
    async generation() {
      if (generation && generation.expiresAt > now()) return generation.value
      const before = forgets
      const value = await remote.generation()
      if (before === forgets) generation = { value, expiresAt: now() + localTtlMs }
      return value
    },
    async bump() {
      generation = null
      await remote.bump()
    },
    forgetLocal(keys) {
      forgets++
      for (const k of keys) local.delete(k)
      generation = null
    },
    forgetAllLocal() {
      forgets++
      local.clear()
      generation = null
    },
  }
}
