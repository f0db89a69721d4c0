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
  set(key: string, value: CachedResponse, ttlSeconds: number): Promise<void>
  delete(keys: string[]): Promise<void>
  generation(): Promise<number>
  bump(): Promise<void>
}

/** A strong entity tag for a body. */
export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`

const prefix = 'myshop:catalog:cache:'
const generationKey = 'myshop:catalog:generation'

export const redisResponseCache = (redis: Redis): ResponseCache => ({
  async get(key) {
    try {
      const raw = await redis.get(prefix + key)
      return raw ? (JSON.parse(raw) as CachedResponse) : null
    } catch {
      return null
    }
  },
  async set(key, value, ttlSeconds) {
    await redis.set(prefix + key, JSON.stringify(value), 'EX', ttlSeconds).catch(() => {})
  },
  async delete(keys) {
    if (keys.length) await redis.del(...keys.map((k) => prefix + k)).catch(() => {})
  },
  async generation() {
    try {
      return Number((await redis.get(generationKey)) ?? 0)
    } catch {
      return -1
    }
  },
  async bump() {
    await redis.incr(generationKey).catch(() => {})
  },
})

/** The in-process equivalent for embedded mode: bounded, with expiry. */
export const memoryResponseCache = ({ maxEntries = 10_000, now = Date.now } = {}): ResponseCache => {
  const entries = new Map<string, { value: CachedResponse; expiresAt: number }>()
  let gen = 0
  return {
    async get(key) {
      const e = entries.get(key)
      if (!e) return null
      if (e.expiresAt <= now()) {
        entries.delete(key)
        return null
      }
      return e.value
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
