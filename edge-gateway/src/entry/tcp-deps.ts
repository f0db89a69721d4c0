import { redisSessionStore, sessionKey } from '@myshop/auth'
import { redisStore } from '@myshop/rate-limit'
import Redis from 'ioredis'
import type { GatewayDeps } from '../app.ts'
import { type GatewayConfig, gatewayVerifier } from '../config.ts'

/** Dependencies for runtimes with TCP (Bun, Deno): ioredis for limits and sessions when REDIS_URL is set. */
export const tcpDeps = (config: GatewayConfig) => {
  const verifier = gatewayVerifier(config)
  if (!config.redisUrl) {
    return { deps: { verifier, store: null } satisfies Partial<GatewayDeps>, close: async () => {} }
  }
  const redis = new Redis(config.redisUrl, {
    // A dead Redis must fail fast so the limiter falls back, not queue commands until it returns.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: config.rateLimit.storeTimeoutMs * 2,
    // The limiter pipeline and the session lookup of one request leave in one write.
    enableAutoPipelining: true,
  })
  redis.on('error', () => {})
  const sessions = redisSessionStore(redis)
  return {
    deps: {
      verifier,
      store: redisStore(redis, {
        prefix: `${config.redisPrefix}:rl:`,
        timeoutMs: config.rateLimit.storeTimeoutMs,
        coalesce: true,
      }),
      isSessionActive: (sid: string) => sessions.isActive(sid),
      sessionKey,
    } satisfies Partial<GatewayDeps>,
    close: async () => {
      redis.disconnect()
    },
  }
}
