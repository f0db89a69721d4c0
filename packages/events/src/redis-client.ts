import Redis from 'ioredis'

export interface ServiceRedisOptions {
  /** How long a command may take before it fails and the caller falls back. */
  commandTimeoutMs: number
  /** How long boot waits for the first connection (default 30 s). */
  connectWithinMs?: number
}

/**
 * Opens a service's Redis client and resolves once it is connected. Commands fail at once while Redis is
 * unreachable (no offline queue) and after `commandTimeoutMs` while it is frozen, so callers fall back
 * instead of waiting; and a command that failed is never sent later, when the client reconnects, over what
 * the caller did meanwhile (a session revoked since, a cache entry deleted since).
 */
export const openServiceRedis = async (
  url: string,
  { commandTimeoutMs, connectWithinMs = 30_000 }: ServiceRedisOptions,
): Promise<Redis> => {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 2,
    commandTimeout: commandTimeoutMs,
    // Commands issued in the same tick (cache reads, session checks of concurrent requests) leave in one write.
    enableAutoPipelining: true,
  })
  // Outages are reported by the commands that fail, with what was done instead; the client's own reconnect
  // errors add nothing but noise (and an unhandled 'error' event).
  redis.on('error', () => {})
  const connected = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), connectWithinMs)
    redis.once('ready', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
  if (!connected) {
    redis.disconnect()
    throw new Error(`Redis at ${new URL(url).host} did not answer within ${connectWithinMs} ms`)
  }
  return redis
}
