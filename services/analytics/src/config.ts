import { loadConfig, vars, z } from '@myshop/config'
import { serviceVars, tokenVars, withRedisPrefix } from '@myshop/service-kit/config'

const shape = serviceVars('analytics', 8087, {
  ...tokenVars(),
  /** Where the product service answers: facts read a product's brand and categories there when no event told. */
  PRODUCT_SERVICE_URL: vars.url().default('http://127.0.0.1:8082'),
  /** Where the inventory service answers: the inventory report reads current stock there. */
  INVENTORY_SERVICE_URL: vars.url().default('http://127.0.0.1:8085'),
  /** How long one call to another service may take. */
  SERVICE_CALL_TIMEOUT_MS: vars.int(5_000, 100),
  /** How long reading a product or category from the product service may take when recording a sale. */
  ANALYTICS_PRODUCT_LOOKUP_TIMEOUT_MS: vars.int(1_500, 50),
  /** Days of cover (stock over the recent daily rate of sale) below which the inventory report calls a SKU low. */
  ANALYTICS_LOW_COVER_DAYS: vars.int(7, 0),
  /** With it, tracked events are also written to a monthly Elasticsearch index. */
  ELASTICSEARCH_URL: z.url().optional(),
  /** Tracked events go to monthly indices `<prefix>-YYYY.MM`. */
  ELASTICSEARCH_EVENTS_INDEX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,100}$/)
    .default('myshop-events'),
  /** Peers (the gateway across the network) whose `x-real-ip` / `x-forwarded-for` name the shopper's address. */
  TRUSTED_PROXIES: vars.addressRanges([]),
  /** Events in one `/track` request at most. */
  ANALYTICS_TRACK_BATCH_MAX: vars.int(100, 1),
  /** `/track` refuses events whose time is more than this many hours ago. */
  ANALYTICS_TRACK_MAX_AGE_HOURS: vars.int(72, 1),
  /** How often accepted events are written to PostgreSQL. */
  ANALYTICS_TRACK_FLUSH_MS: vars.int(250, 10),
  /** A write starts as soon as this many events wait. */
  ANALYTICS_TRACK_FLUSH_ROWS: vars.int(500, 1),
  /** Events one write (one transaction) takes at most: what arrived during the previous write goes together. */
  ANALYTICS_TRACK_WRITE_ROWS: vars.int(5_000, 1),
  /** Events waiting in memory at most (while PostgreSQL is slow or down); `/track` answers 503 beyond it. */
  ANALYTICS_TRACK_BUFFER_MAX: vars.int(50_000, 1),
  /** Events one client (anonymous id and address) may send per minute. */
  ANALYTICS_TRACK_RATE_LIMIT: vars.int(600, 1),
  /** Days raw events and rollups are kept: older monthly partitions are dropped whole. */
  ANALYTICS_RETENTION_DAYS: vars.int(395, 1),
  /** How often partitions are made ahead and retention applied. */
  ANALYTICS_MAINTENANCE_INTERVAL_MS: vars.int(3_600_000, 1_000),
})

export type AnalyticsConfig = ReturnType<typeof loadAnalyticsConfig>

/** Reads the analytics service's configuration once; every problem is reported together. */
export const loadAnalyticsConfig = (env: Record<string, string | undefined>) =>
  withRedisPrefix('analytics', loadConfig(shape, env))
