import { gcra, type RateLimitOptions, type RateLimitResult } from './gcra.ts'
import type { RateLimitCheck, RateLimitStore } from './store.ts'

export interface MemoryStoreOptions {
  /** Most keys kept; past it expired keys are swept, then the least recently used dropped. */
  maxKeys?: number
  /** Milliseconds since the epoch; injectable so tests control time. */
  now?: () => number
}

interface Entry {
  tat: number
  expiresAt: number
}

/** An in-process limiter (embedded mode, and the fallback when Redis is down). */
export const memoryStore = (options: MemoryStoreOptions = {}): RateLimitStore => {
  const maxKeys = options.maxKeys ?? 100_000
  const now = options.now ?? Date.now
  const entries = new Map<string, Entry>()

  const evict = (nowMs: number) => {
    for (const [key, e] of entries) if (e.expiresAt <= nowMs) entries.delete(key)
    // Map iteration is insertion order and every write re-inserts, so the first keys are the stalest.
    for (const key of entries.keys()) {
      if (entries.size < maxKeys) break
      entries.delete(key)
    }
  }

  const checkOne = (key: string, opts: RateLimitOptions): RateLimitResult => {
    const nowMs = now()
    const nowUs = Math.floor(nowMs * 1000)
    const stored = entries.get(key)
    const live = stored && stored.expiresAt > nowMs ? stored.tat : null
    const d = gcra(live, nowUs, opts)
    if (d.newTat !== null) {
      entries.delete(key)
      if (entries.size >= maxKeys) evict(nowMs)
      entries.set(key, { tat: d.newTat, expiresAt: nowMs + d.ttlMs })
    }
    return {
      ok: true,
      allowed: d.allowed,
      limit: opts.limit,
      remaining: d.remaining,
      resetMs: d.resetMs,
      retryAfterMs: d.retryAfterMs,
    }
  }

  return {
    async check(key, opts) {
      return checkOne(key, opts)
    },
    async checkMany(checks: RateLimitCheck[]) {
      return checks.map((c) => checkOne(c.key, c.options))
    },
  }
}
