import type { SessionStore } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import { tokenVerifier } from '@myshop/service-kit'
import type Redis from 'ioredis'
import { redisCartStore } from './carts/redis-store.ts'
import { postgresCartStore } from './carts/repository.ts'
import { productCatalog } from './catalog/client.ts'
import type { OrderConfig } from './config.ts'
import type { OrderDeps } from './deps.ts'

export interface WiringOptions {
  config: OrderConfig
  sql: Db
  redis?: Redis | undefined
  logger: Logger
  eventsWritten?: () => void
  sessions?: SessionStore | undefined
}

/**
 * Assembles the order service's dependencies from configuration: tokens verified against the user service's keys,
 * with ended sessions looked up in Redis when REDIS_URL is set (else in process).
 */
export const createOrderDeps = ({
  config,
  sql,
  redis,
  logger,
  eventsWritten = () => {},
  sessions,
}: WiringOptions): OrderDeps => ({
  sql,
  now: Date.now,
  logger,
  verifier: tokenVerifier(config, { redis, sessions }),
  eventsWritten,
  ...cartDeps(config, sql, redis),
})

/** Carts in Redis when the service has it (PostgreSQL otherwise), priced by the product service. */
const cartDeps = (config: OrderConfig, sql: Db, redis: Redis | undefined) => {
  const ttlMs = config.CART_TTL_DAYS * 24 * 3600 * 1000
  return {
    carts: redis
      ? redisCartStore(redis, { namespace: config.REDIS_PREFIX, ttlMs })
      : postgresCartStore(sql, { ttlMs }),
    cartLimits: { maxQuantity: config.CART_MAX_QUANTITY, maxLines: config.CART_MAX_LINES },
    catalog: productCatalog({
      baseUrl: config.PRODUCT_SERVICE_URL,
      timeoutMs: config.PRODUCT_LOOKUP_TIMEOUT_MS,
    }),
  }
}
