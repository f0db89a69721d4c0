import { loadConfig, vars, z } from '@myshop/config'
import { serviceVars, tokenVars, withRedisPrefix } from '@myshop/service-kit/config'

const shape = serviceVars('product', 8082, {
  ...tokenVars(),
  /** Search with Elasticsearch instead of PostgreSQL full-text search. */
  ELASTICSEARCH_URL: vars.optionalUrl(),
  ELASTICSEARCH_INDEX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('myshop-products')
    .describe('an index name of lowercase letters, digits, - and _'),
  /** Media on S3 (any S3-compatible endpoint) instead of the local filesystem. */
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: vars.optionalUrl(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** The public base URL media is served from (a CDN in front of the bucket, or the service itself). */
  MEDIA_PUBLIC_URL: vars.optionalUrl(),
  MAX_IMAGE_BYTES: vars.int(10 * 1024 * 1024, 1024),
  PUBLIC_MAX_AGE_SECONDS: vars.int(60, 0),
  /**
   * With Redis: how long catalog reads are also kept in process memory. Writes on other instances drop them
   * through product events, so this only bounds staleness when an event is missed (0 turns the layer off).
   */
  CACHE_LOCAL_TTL_MS: vars.int(1_000, 0),
  /**
   * How long after a write its cached product reads are deleted again, catching a read that rendered the old
   * row just before the commit and stored it just after the first delete.
   */
  CACHE_SETTLE_MS: vars.int(2_000, 10),
})

export type ProductConfig = ReturnType<typeof loadProductConfig>

/** Reads the product service's configuration once; every problem is reported together. */
export const loadProductConfig = (env: Record<string, string | undefined>) => {
  const config = loadConfig(shape, env)
  return withRedisPrefix('product', config)
}
