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
})

export type AnalyticsConfig = ReturnType<typeof loadAnalyticsConfig>

/** Reads the analytics service's configuration once; every problem is reported together. */
export const loadAnalyticsConfig = (env: Record<string, string | undefined>) =>
  withRedisPrefix('analytics', loadConfig(shape, env))
