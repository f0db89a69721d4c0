#!/usr/bin/env bun
import { fileURLToPath } from 'node:url'
import type { SessionStore } from '@myshop/auth'
import { configOrExit } from '@myshop/config'
import { type Db, openServiceDatabase } from '@myshop/db'
import {
  categoryChanged,
  createRelay,
  type EventBus,
  memoryBus,
  openServiceRedis,
  productCreated,
  productDeleted,
  productUpdated,
  redisStreamsBus,
} from '@myshop/events'
import { type RunningService, stopOnSignals } from '@myshop/http'
import { createLogger, type Logger } from '@myshop/logger'
import type Redis from 'ioredis'
import { createApp } from './app.ts'
import { cacheInvalidation } from './cache/cache-invalidation.ts'
import { syncCategorySearch } from './categories/service.ts'
import { loadProductConfig, type ProductConfig } from './config.ts'
import { schema } from './deps.ts'
import { syncSearchIndex } from './products/service.ts'
import { statisticsKeeper } from './products/statistics.ts'
import { createProductDeps } from './wiring.ts'

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/product', import.meta.url))

/** What an embedding process (the `myshop start` supervisor, tests) may share with the service. */
export interface Shared {
  sql?: Db
  redis?: Redis
  bus?: EventBus
  sessions?: SessionStore
  logger?: Logger
}

export type RunningProductService = RunningService

/**
 * Boots the product service: database (own or shared), migrations, search engine, media storage, outbox
 * relay, the search indexer fed by product events (Elasticsearch only), the in-process cache layer's
 * invalidation by the same events (Redis only), then the HTTP server.
 */
export const startProductService = async (
  config: ProductConfig,
  shared: Shared = {},
): Promise<RunningProductService> => {
  const logger =
    shared.logger?.child({ service: 'product' }) ??
    createLogger({ service: 'product', level: config.LOG_LEVEL, format: config.LOG_FORMAT })
  const cleanups: (() => Promise<unknown>)[] = []

  const db = await openServiceDatabase({
    shared: shared.sql,
    url: config.PRODUCT_DATABASE_URL ?? config.DATABASE_URL,
    dataDir: config.MYSHOP_DATA_DIR,
    schema,
    migrationsDir,
    applicationName: 'myshop-product',
    logger,
  })
  const sql = db.sql
  cleanups.push(() => db.close())
  if (db.applied.length > 0) logger.info({ applied: db.applied }, 'migrations applied')

  let redis = shared.redis
  if (!redis && config.REDIS_URL) {
    // A stopped or frozen Redis must not hold requests: each command gives up quickly and the caller falls back
    // (see "When a dependency is down" in the README).
    redis = await openServiceRedis(config.REDIS_URL, { commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS })
    const own = redis
    cleanups.unshift(() => own.quit().catch(() => own.disconnect()))
  }

  const bus = shared.bus ?? (redis ? redisStreamsBus(redis, { prefix: config.REDIS_PREFIX }) : memoryBus())
  const relay = createRelay({ sql, schema, publisher: bus, logger })
  // Bind the port first: filesystem media URLs point at the service itself.
  const server = Bun.serve({
    hostname: config.PRODUCT_HOST,
    port: config.PRODUCT_PORT,
    maxRequestBodySize: config.MAX_IMAGE_BYTES + 64 * 1024,
    fetch: () => new Response(null, { status: 503 }),
  })
  const url = `http://${config.PRODUCT_HOST}:${server.port}`
  const { deps, files, elastic, localCache } = createProductDeps({
    config,
    sql,
    redis,
    logger,
    publicUrl: url,
    eventsWritten: () => relay.notify(),
    sessions: shared.sessions,
  })

  const statistics = statisticsKeeper(sql, logger)
  deps.rowsImported = statistics.imported
  // Before the database closes: a refresh still running is waited for.
  cleanups.unshift(() => statistics.stop())

  if (localCache) {
    const invalidation = await cacheInvalidation(bus, localCache, logger)
    cleanups.unshift(() => invalidation.stop())
  }

  if (elastic) {
    await elastic.ensureIndex()
    // The index follows the catalog through its own events, delivered at least once and in any order: each one
    // writes the product as it is now, with its version, so a late or repeated one changes nothing.
    const subscription = await bus.subscribe(
      'product-search-indexer',
      `product-${process.pid}`,
      [productCreated, productUpdated, productDeleted, categoryChanged],
      (event) =>
        event.type === 'category.changed'
          ? syncCategorySearch(deps, event.data.categoryId)
          : syncSearchIndex(deps, event.data.productId),
    )
    cleanups.unshift(() => subscription.stop())
  }

  relay.start()
  const app = createApp(deps, {
    // Either down leaves the service answering what does not need it (without Redis everything, from PostgreSQL;
    // without Elasticsearch all but listings and search), and is down for every instance alike: taking this one
    // out of rotation would help nothing, so they make it degraded, not unready.
    degradable: {
      ...(redis && { redis: () => redis.ping() }),
      ...(elastic && { search: () => elastic.suggest('a', 1) }),
    },
    files: files ?? undefined,
  })
  server.reload({ fetch: app.fetch })
  logger.info(
    { url, search: deps.search.name, media: files ? 'filesystem' : 's3' },
    'product service listening',
  )

  return {
    url,
    port: server.port ?? config.PRODUCT_PORT,
    handle: (request) => app.fetch(request) as Promise<Response>,
    async stop() {
      await server.stop(true)
      await relay.stop()
      for (const cleanup of cleanups) await cleanup()
    },
  }
}

if (import.meta.main) {
  stopOnSignals(
    await startProductService(configOrExit('The product service', () => loadProductConfig(process.env))),
  )
}
