import type { SessionStore } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import { serviceTokens, tokenVerifier } from '@myshop/service-kit'
import type Redis from 'ioredis'
import { httpProductDirectory } from './clients/product-directory.ts'
import { httpStockReader } from './clients/stock.ts'
import type { AnalyticsConfig } from './config.ts'
import type { AnalyticsDeps } from './deps.ts'

export interface WiringOptions {
  config: AnalyticsConfig
  sql: Db
  redis?: Redis | undefined
  logger: Logger
  eventsWritten?: () => void
  sessions?: SessionStore | undefined
}

/**
 * Assembles the analytics service's dependencies from configuration: tokens verified against the user service, the
 * product service read for the product dimension, and the inventory service with the service's own identity (none
 * without SERVICE_SECRET: the inventory report then shows stock as unknown).
 */
export const createAnalyticsDeps = ({
  config,
  sql,
  redis,
  logger,
  eventsWritten = () => {},
  sessions,
}: WiringOptions): AnalyticsDeps => ({
  sql,
  now: Date.now,
  logger,
  verifier: tokenVerifier(config, { redis, sessions }),
  eventsWritten,
  products: httpProductDirectory({
    baseUrl: config.PRODUCT_SERVICE_URL,
    timeoutMs: config.ANALYTICS_PRODUCT_LOOKUP_TIMEOUT_MS,
    logger,
  }),
  stock: httpStockReader({
    baseUrl: config.INVENTORY_SERVICE_URL,
    tokens: config.SERVICE_SECRET
      ? serviceTokens({
          userServiceUrl: config.USER_SERVICE_URL,
          service: 'analytics',
          secret: config.SERVICE_SECRET,
        })
      : null,
    timeoutMs: config.SERVICE_CALL_TIMEOUT_MS,
    logger,
  }),
  lowCoverDays: config.ANALYTICS_LOW_COVER_DAYS,
})
