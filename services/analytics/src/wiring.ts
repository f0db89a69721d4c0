import { Client } from '@elastic/elasticsearch'
import type { SessionStore } from '@myshop/auth'
import type { Db } from '@myshop/db'
import { type PeerSource, proxyTrust } from '@myshop/http'
import type { Logger } from '@myshop/logger'
import { redisStore } from '@myshop/rate-limit'
import { serviceTokens, tokenVerifier } from '@myshop/service-kit'
import type Redis from 'ioredis'
import { httpProductDirectory } from './clients/product-directory.ts'
import { httpStockReader } from './clients/stock.ts'
import type { AnalyticsConfig } from './config.ts'
import type { AnalyticsDeps } from './deps.ts'
import { elasticsearchEventIndex } from './tracking/event-index.ts'
import { clientLimiter } from './tracking/limits.ts'
import { storeEvents } from './tracking/service.ts'
import { createBatchWriter } from './tracking/writer.ts'

export interface WiringOptions {
  config: AnalyticsConfig
  sql: Db
  redis?: Redis | undefined
  logger: Logger
  eventsWritten?: () => void
  sessions?: SessionStore | undefined
  /** The server's sockets: whose peer a request came from. */
  peers?: PeerSource | null
}

/**
 * Assembles the analytics service's dependencies from configuration: tokens verified against the user service,
 * tracking limits in Redis when there is one, tracked events copied to Elasticsearch when ELASTICSEARCH_URL is set,
 * the product service read for the product dimension, and the inventory service with the service's own identity
 * (none without SERVICE_SECRET: the inventory report then shows stock as unknown).
 */
export const createAnalyticsDeps = ({
  config,
  sql,
  redis,
  logger,
  eventsWritten = () => {},
  sessions,
  peers = null,
}: WiringOptions): AnalyticsDeps => {
  const eventIndex = config.ELASTICSEARCH_URL
    ? elasticsearchEventIndex(new Client({ node: config.ELASTICSEARCH_URL }), {
        prefix: config.ELASTICSEARCH_EVENTS_INDEX,
        logger,
      })
    : null
  const deps: AnalyticsDeps = {
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
    tracking: {
      settings: {
        batchMax: config.ANALYTICS_TRACK_BATCH_MAX,
        maxAgeHours: config.ANALYTICS_TRACK_MAX_AGE_HOURS,
        retentionDays: config.ANALYTICS_RETENTION_DAYS,
        rateLimit: { limit: config.ANALYTICS_TRACK_RATE_LIMIT, windowMs: 60_000 },
      },
      writer: createBatchWriter({
        write: (events) => storeEvents(deps, events),
        written: (events) => eventIndex?.add(events),
        flushMs: config.ANALYTICS_TRACK_FLUSH_MS,
        flushRows: config.ANALYTICS_TRACK_FLUSH_ROWS,
        batchRows: config.ANALYTICS_TRACK_WRITE_ROWS,
        bufferMax: config.ANALYTICS_TRACK_BUFFER_MAX,
        logger,
      }),
      limiter: clientLimiter(
        redis
          ? redisStore(redis, {
              prefix: `${config.REDIS_PREFIX}:analytics:rl:`,
              timeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
            })
          : null,
        logger,
      ),
      eventIndex,
      addressing: { peers, trustedProxies: proxyTrust(config.TRUSTED_PROXIES) },
    },
  }
  return deps
}
