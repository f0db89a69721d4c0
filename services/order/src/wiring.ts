import { hostname } from 'node:os'
import type { SessionStore } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import { serviceTokens, tokenVerifier } from '@myshop/service-kit'
import type Redis from 'ioredis'
import { redisCartStore } from './carts/redis-store.ts'
import { postgresCartStore } from './carts/repository.ts'
import { productCatalog } from './catalog/client.ts'
import { inventoryClient } from './clients/inventory.ts'
import { paymentClient } from './clients/payment.ts'
import { serviceCaller } from './clients/service-call.ts'
import type { OrderConfig } from './config.ts'
import type { OrderDeps, SagaDeps } from './deps.ts'

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
  sagas: sagaDeps(config),
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

/**
 * The saga engine's dependencies: clients of the inventory and payment services that call them with the order
 * service's own identity (none without SERVICE_SECRET: checkout then answers 503), and its timings.
 */
export const sagaDeps = (config: OrderConfig, fetchImpl: typeof fetch = fetch): SagaDeps => {
  const tokens = config.SERVICE_SECRET
    ? serviceTokens({
        userServiceUrl: config.USER_SERVICE_URL,
        service: 'order',
        secret: config.SERVICE_SECRET,
        fetch: fetchImpl,
      })
    : null
  const caller = (baseUrl: string) =>
    tokens && serviceCaller({ baseUrl, tokens, timeoutMs: config.SERVICE_CALL_TIMEOUT_MS, fetch: fetchImpl })
  const inventory = caller(config.INVENTORY_SERVICE_URL)
  const payment = caller(config.PAYMENT_SERVICE_URL)
  const pauseAt = config.SAGA_PAUSE_AT
  return {
    owner: `order@${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`,
    inventory: inventory && inventoryClient(inventory),
    payment: payment && paymentClient(payment),
    settings: {
      leaseMs: config.SAGA_LEASE_MS,
      maxAttempts: config.SAGA_MAX_ATTEMPTS,
      retryBaseMs: config.SAGA_RETRY_BASE_MS,
      retryMaxMs: 60_000,
      inlineWaitMs: 1_500,
      actionTimeoutSeconds: config.CHECKOUT_ACTION_TIMEOUT_SECONDS,
      pollMs: 5_000,
    },
    // Only crash tests set it: the process stops at that point of a saga (and is killed there).
    fault: pauseAt
      ? async (point) => {
          if (point === pauseAt) await new Promise(() => {})
        }
      : undefined,
  }
}
