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
