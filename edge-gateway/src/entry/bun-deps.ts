import { sessionKey } from '@myshop/auth'
import { respStore } from '@myshop/rate-limit'
import { RedisClient } from 'bun'
import type { GatewayDeps } from '../app.ts'
import { type GatewayConfig, gatewayVerifier } from '../config.ts'

const maxBackoffMs = 2_000

/**
 * Bun's native Redis client, kept connected: commands fail at once while Redis is away (no offline queue,
 * so the limiter falls back instead of waiting), and the connection is re-dialled with a capped backoff
 * for as long as it takes, where the client alone would give up after its retry budget.
 */
export const resilientRedis = (url: string, { connectTimeoutMs = 1_000 } = {}) => {
  const client = new RedisClient(url, {
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    autoReconnect: false,
    connectionTimeout: connectTimeoutMs,
  })
  let closed = false
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const dial = async (): Promise<void> => {
    timer = undefined
    try {
      await client.connect()
      attempt = 0
    } catch {
      if (closed) return
      attempt++
      timer = setTimeout(dial, Math.min(maxBackoffMs, 50 * 2 ** attempt))
    }
  }
  client.onclose = () => {
    // A dial already waiting (or failing, which also closes) keeps its own schedule.
    if (closed || timer) return
    timer = setTimeout(dial, 50)
  }
  return {
    client,
    /** Resolves once the first connection attempt has ended, whether it succeeded or not. */
    ready: dial(),
    close() {
      closed = true
      clearTimeout(timer)
      client.close()
    },
  }
}

/**
 * Dependencies for the gateway on Bun: limits and the session check through Bun's native Redis client
 * when REDIS_URL is set. It does the same work as ioredis at about half the client CPU per request,
 * which is most of what the gateway spends beyond proxying.
 */
export const bunDeps = async (config: GatewayConfig) => {
  const verifier = gatewayVerifier(config)
  if (!config.redisUrl) {
    return { deps: { verifier, store: null } satisfies Partial<GatewayDeps>, close: async () => {} }
  }
  const redis = resilientRedis(config.redisUrl)
  await redis.ready
  return {
    deps: {
      verifier,
      store: respStore(redis.client, {
        prefix: `${config.redisPrefix}:rl:`,
        timeoutMs: config.rateLimit.storeTimeoutMs,
        coalesce: true,
      }),
      isSessionActive: async (sid: string) => (await redis.client.exists(sessionKey(sid))) === true,
      sessionKey,
    } satisfies Partial<GatewayDeps>,
    close: async () => redis.close(),
  }
}
