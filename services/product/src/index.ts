#!/usr/bin/env bun
import { fileURLToPath } from 'node:url'
import { categoryChanged, productCreated, productDeleted, productUpdated } from '@myshop/events'
import { broadcast, consumer, defineService, type RunningService } from '@myshop/service-kit'
import { createApp } from './app.ts'
import { catalogEvents, forgetStaleEntries } from './cache/cache-invalidation.ts'
import { syncCategorySearch } from './categories/service.ts'
import { loadProductConfig } from './config.ts'
import { schema } from './deps.ts'
import { syncSearchIndex } from './products/service.ts'
import { statisticsKeeper } from './products/statistics.ts'
import { createProductDeps, type ProductParts } from './wiring.ts'

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/product', import.meta.url))

/**
 * The product service: the catalog, its search (PostgreSQL, or Elasticsearch kept in step by the catalog's own
 * events) and its media (the filesystem or S3), with cached reads (in process, or Redis with an in-process layer
 * that other instances' writes invalidate through the same events).
 */
export const productService = defineService({
  name: 'product',
  loadConfig: loadProductConfig,
  database: { schema, migrationsDir },
  maxRequestBodySize: (config) => config.MAX_IMAGE_BYTES + 64 * 1024,
  deps: ({ config, sql, redis, logger, shared, url, eventsWritten, onStop }) => {
    const parts = createProductDeps({
      config,
      sql,
      redis,
      logger,
      publicUrl: url,
      eventsWritten,
      sessions: shared.sessions,
    })
    const statistics = statisticsKeeper(sql, logger)
    parts.deps.rowsImported = statistics.imported
    // Before the database closes: a refresh still running is waited for.
    onStop(() => statistics.stop())
    return parts
  },
  prepare: async ({ elastic }) => elastic?.ensureIndex(),
  consumers: ({ deps, elastic, localCache }) => [
    // Every instance drops its in-process copies of what another instance's write changed.
    ...(localCache ? [broadcast(catalogEvents, forgetStaleEntries(localCache))] : []),
    // The index follows the catalog through its own events, delivered at least once and in any order: each one
    // writes the product as it is now, with its version, so a late or repeated one changes nothing.
    ...(elastic
      ? [
          consumer(
            'product-search-indexer',
            [productCreated, productUpdated, productDeleted, categoryChanged],
            (event) =>
              event.type === 'category.changed'
                ? syncCategorySearch(deps, event.data.categoryId)
                : syncSearchIndex(deps, event.data.productId),
          ),
        ]
      : []),
  ],
  app: ({ deps, files, elastic }, { degradable }) =>
    createApp(deps, {
      // Either down leaves the service answering what does not need it (without Redis everything, from PostgreSQL;
      // without Elasticsearch all but listings and search), and is down for every instance alike: taking this one
      // out of rotation would help nothing, so they make it degraded, not unready.
      degradable: { ...degradable, ...(elastic && { search: () => elastic.suggest('a', 1) }) },
      files: files ?? undefined,
    }),
  describe: ({ deps, files }) => ({ search: deps.search.name, media: files ? 'filesystem' : 's3' }),
})

export type RunningProductService = RunningService<ProductParts>
export const startProductService = productService.start

if (import.meta.main) await productService.main()
