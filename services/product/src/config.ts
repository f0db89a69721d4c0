import { loadConfig, redisPrefixOf, redisPrefixVar, vars, z } from '@myshop/config'

const shape = {
  PRODUCT_PORT: vars.port(8082),
  PRODUCT_HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: vars.optionalUrl(),
  /** The product service's own database, when it differs from DATABASE_URL. */
  PRODUCT_DATABASE_URL: vars.optionalUrl(),
  REDIS_URL: vars.optionalUrl(),
  /** The namespace of this shop's Redis keys; derived from the database when unset (see redisPrefixOf). */
  REDIS_PREFIX: redisPrefixVar(),
  /** How long a Redis command may take before the caller falls back (a cache miss, the database, a 503). */
  REDIS_COMMAND_TIMEOUT_MS: vars.int(500, 10),
  MYSHOP_DATA_DIR: z.string().default('./.myshop'),
  /** Where the user service publishes its token keys. */
  USER_SERVICE_URL: vars.url().default('http://127.0.0.1:8081'),
  JWKS_URL: vars.optionalUrl(),
  JWT_ISSUER: z.string().default('myshop'),
  JWT_AUDIENCE: z.string().default('myshop-api'),
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
  LOG_LEVEL: vars.logLevel(),
  LOG_FORMAT: vars.logFormat(),
}

export type ProductConfig = ReturnType<typeof loadProductConfig>

/** Reads the product service's configuration once; every problem is reported together. */
export const loadProductConfig = (env: Record<string, string | undefined>) => {
  const config = loadConfig(shape, env)
  // DATABASE_URL first: it is the one the shop's other services share, so they derive the same namespace.
  const database = config.DATABASE_URL ?? config.PRODUCT_DATABASE_URL
  return { ...config, REDIS_PREFIX: redisPrefixOf(config.REDIS_PREFIX, database, config.MYSHOP_DATA_DIR) }
}
