import { Client } from '@elastic/elasticsearch'
import type { SessionStore } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import { tokenVerifier } from '@myshop/service-kit'
import type Redis from 'ioredis'
import {
  type LayeredResponseCache,
  layeredResponseCache,
  memoryResponseCache,
  redisResponseCache,
} from './cache/response-cache.ts'
import type { ProductConfig } from './config.ts'
import type { ProductDeps } from './deps.ts'
import { type FileStorage, fileStorage } from './media/fs-storage.ts'
import { createS3Client, s3Storage } from './media/s3-storage.ts'
import { type ElasticsearchSearch, elasticsearchSearch } from './search/elasticsearch.ts'
import { postgresSearch } from './search/postgres-repository.ts'

export interface WiringOptions {
  config: ProductConfig
  sql: Db
  redis?: Redis | undefined
  logger: Logger
  /** Where the service itself is reachable, for media served from the filesystem. */
  publicUrl: string
  eventsWritten?: () => void
  sessions?: SessionStore | undefined
}

/** The product service's dependencies, and the parts of them its boot handles itself. */
export interface ProductParts {
  deps: ProductDeps
  /** Media on the filesystem, served by the service itself; null with S3. */
  files: FileStorage | null
  /** The Elasticsearch engine, which boot keeps fed; null with PostgreSQL search. */
  elastic: ElasticsearchSearch | null
  /** The in-process layer in front of Redis, which other instances' events invalidate; null without Redis. */
  localCache: LayeredResponseCache | null
}

/**
 * Assembles the product service's dependencies from configuration: Elasticsearch when ELASTICSEARCH_URL is
 * set (else PostgreSQL search), S3 when S3_BUCKET is set (else the filesystem), Redis for the cache and the
 * session check when REDIS_URL is set (else in process). With Redis the cache has an in-process layer in front,
 * returned as `localCache` so the caller can keep it in step with other instances' events.
 */
export const createProductDeps = ({
  config,
  sql,
  redis,
  logger,
  publicUrl,
  eventsWritten = () => {},
  sessions,
}: WiringOptions): ProductParts => {
  const files: FileStorage | null = config.S3_BUCKET
    ? null
    : fileStorage({
        dir: `${config.MYSHOP_DATA_DIR}/media`,
        publicBaseUrl: config.MEDIA_PUBLIC_URL ?? `${publicUrl}/media`,
      })
  const storage =
    files ??
    s3Storage({
      client: createS3Client({
        region: config.S3_REGION,
        ...(config.S3_ENDPOINT && { endpoint: config.S3_ENDPOINT }),
        ...(config.S3_ACCESS_KEY_ID && { accessKeyId: config.S3_ACCESS_KEY_ID }),
        ...(config.S3_SECRET_ACCESS_KEY && { secretAccessKey: config.S3_SECRET_ACCESS_KEY }),
      }),
      bucket: config.S3_BUCKET!,
      publicBaseUrl:
        config.MEDIA_PUBLIC_URL ??
        `${config.S3_ENDPOINT ?? `https://${config.S3_BUCKET}.s3.${config.S3_REGION}.amazonaws.com`}${config.S3_ENDPOINT ? `/${config.S3_BUCKET}` : ''}`,
    })
  const elastic: ElasticsearchSearch | null = config.ELASTICSEARCH_URL
    ? elasticsearchSearch(new Client({ node: config.ELASTICSEARCH_URL }), {
        index: config.ELASTICSEARCH_INDEX,
      })
    : null
  const localCache: LayeredResponseCache | null = redis
    ? layeredResponseCache(redisResponseCache(redis, { namespace: config.REDIS_PREFIX }), {
        localTtlMs: config.CACHE_LOCAL_TTL_MS,
      })
    : null
  const deps: ProductDeps = {
    sql,
    now: Date.now,
    logger,
    verifier: tokenVerifier(config, { redis, sessions }),
    search: elastic ?? postgresSearch(sql, logger),
    storage,
    cache: localCache ?? memoryResponseCache(),
    eventsWritten,
    settings: {
      maxImageBytes: config.MAX_IMAGE_BYTES,
      publicMaxAgeSeconds: config.PUBLIC_MAX_AGE_SECONDS,
      cacheSettleMs: config.CACHE_SETTLE_MS,
    },
  }
  return { deps, files, elastic, localCache }
}
