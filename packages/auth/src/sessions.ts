import type Redis from 'ioredis'

/**
 * Active sessions (one per refresh-token family). A session that is not here is revoked:
 * its access tokens stop working at once, not when they expire.
 */
export interface SessionStore {
  add(sessionId: string, userId: string, ttlSeconds: number): Promise<void>
  isActive(sessionId: string): Promise<boolean>
  revoke(sessionId: string): Promise<void>
  revokeAllForUser(userId: string): Promise<number>
  listForUser(userId: string): Promise<string[]>
  /** Stops the store's background work, if it has any (retries of refused writes). */
  close?(): void
}

/** The Redis key that holds an active session; other Redis clients (the gateway's) read it directly. */
export const sessionKey = (id: string) => `myshop:session:${id}`
const userKey = (id: string) => `myshop:user-sessions:${id}`

/** Sessions in Redis: `session:<id>` with a TTL, indexed by user for revoke-all. */
export const redisSessionStore = (redis: Redis): SessionStore => ({
  async add(sessionId, userId, ttlSeconds) {
    await redis
      .multi()
      .set(sessionKey(sessionId), userId, 'EX', ttlSeconds)
      .sadd(userKey(userId), sessionId)
      .expire(userKey(userId), ttlSeconds, 'GT')
      .exec()
    // A fresh set has no TTL for GT to compare against; give it one.
    await redis.expire(userKey(userId), ttlSeconds, 'NX')
  },
  async isActive(sessionId) {
    return (await redis.exists(sessionKey(sessionId))) === 1
  },
  async revoke(sessionId) {
    const userId = await redis.get(sessionKey(sessionId))
    const tx = redis.multi().del(sessionKey(sessionId))
    if (userId) tx.srem(userKey(userId), sessionId)
    await tx.exec()
  },
  async revokeAllForUser(userId) {
    const ids = await redis.smembers(userKey(userId))
    if (ids.length === 0) return 0
    const res = await redis
      .multi()
      .del(...ids.map(sessionKey))
      .del(userKey(userId))
      .exec()
    return Number(res?.[0]?.[1] ?? 0)
  },
  async listForUser(userId) {
    const ids = await redis.smembers(userKey(userId))
    if (ids.length === 0) return []
    const alive = await redis.mget(...ids.map(sessionKey))
    return ids.filter((_, i) => alive[i] !== null)
  },
})

/** The in-process equivalent for embedded mode, with the same expiry semantics. */
export const memorySessionStore = (now: () => number = Date.now): SessionStore => {
  const sessions = new Map<string, { userId: string; expiresAt: number }>()
  const live = (id: string) => {
    const s = sessions.get(id)
    if (!s) return undefined
    if (s.expiresAt <= now()) {
      sessions.delete(id)
      return undefined
    }
    return s
  }
  return {
    async add(sessionId, userId, ttlSeconds) {
      sessions.set(sessionId, { userId, expiresAt: now() + ttlSeconds * 1000 })
    },
    async isActive(sessionId) {
      return live(sessionId) !== undefined
    },
    async revoke(sessionId) {
      sessions.delete(sessionId)
    },
    async revokeAllForUser(userId) {
      let n = 0
      for (const [id, s] of sessions) if (s.userId === userId && live(id) && sessions.delete(id)) n++
      return n
    },
    async listForUser(userId) {
      return [...sessions.keys()].filter((id) => live(id)?.userId === userId)
    },
  }
}

export interface OutageTolerantOptions {
  /** How often writes the store refused are tried again (default 1 s). */
  retryMs?: number
  /** Asked before a refused `add` is tried again: a session ended meanwhile (by another instance) stays ended. */
  stillLive?: (sessionId: string) => Promise<boolean>
  /** Told about every write the store refused, for the logs. */
  onError?: (op: 'add' | 'revoke', sessionId: string, error: unknown) => void
}

/** A session store whose refused writes are kept and retried; see `outageTolerantSessions`. */
export interface OutageTolerantSessionStore extends SessionStore {
  /** The writes still waiting for the store, by session id. */
  pending(): { adds: string[]; revocations: string[] }
  /** Stops retrying (the writes still pending are dropped). */
  close(): void
}

/**
 * Keeps an unreachable session store from failing sign-in, refresh and sign-out, whose truth is already
 * committed to the database: a write the store refuses is kept in this process and retried until the store
 * takes it, so a session created during an outage starts working at the gateway and a session ended during
 * one stops working there as soon as the store is back. Meanwhile this process answers `isActive` for those
 * sessions itself; for any other session a store failure is the caller's to handle (a database check, a 503).
 * Give it a client without an offline queue: a write such a queue held could still reach the store after the
 * retry, or after a sign-out elsewhere.
 */
export const outageTolerantSessions = (
  store: SessionStore,
  { retryMs = 1_000, stillLive = async () => true, onError = () => {} }: OutageTolerantOptions = {},
): OutageTolerantSessionStore => {
  const adds = new Map<string, { userId: string; expiresAt: number }>()
  const revocations = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let closed = false

  const retry = async () => {
    timer = undefined
    for (const id of [...revocations]) {
      try {
        await store.revoke(id)
        revocations.delete(id)
      } catch {
        return schedule()
      }
    }
    for (const [id, { userId, expiresAt }] of [...adds]) {
      const ttlSeconds = Math.ceil((expiresAt - Date.now()) / 1000)
      try {
        if (ttlSeconds > 0 && (await stillLive(id)) && adds.has(id)) await store.add(id, userId, ttlSeconds)
        adds.delete(id)
      } catch {
        return schedule()
      }
    }
  }
  const schedule = () => {
    if (closed || timer) return
    timer = setTimeout(retry, retryMs)
    timer.unref?.()
  }

  return {
    async add(sessionId, userId, ttlSeconds) {
      try {
        await store.add(sessionId, userId, ttlSeconds)
      } catch (error) {
        onError('add', sessionId, error)
        adds.set(sessionId, { userId, expiresAt: Date.now() + ttlSeconds * 1000 })
        schedule()
      }
    },
    async isActive(sessionId) {
      if (revocations.has(sessionId)) return false
      if (adds.has(sessionId)) return true
      return store.isActive(sessionId)
    },
    async revoke(sessionId) {
      adds.delete(sessionId)
      try {
        await store.revoke(sessionId)
      } catch (error) {
        onError('revoke', sessionId, error)
        revocations.add(sessionId)
        schedule()
      }
    },
    revokeAllForUser: (userId) => store.revokeAllForUser(userId),
    listForUser: (userId) => store.listForUser(userId),
    pending: () => ({ adds: [...adds.keys()], revocations: [...revocations] }),
    close() {
      closed = true
      clearTimeout(timer)
    },
  }
}
