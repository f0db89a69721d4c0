#!/usr/bin/env bun
import { fileURLToPath } from 'node:url'
import {
  categoryChanged,
  orderCancelled,
  orderPaid,
  orderRefunded,
  productCreated,
  productDeleted,
  productUpdated,
} from '@myshop/events'
import { consumer, defineService, periodicJob, type RunningService } from '@myshop/service-kit'
import { createApp } from './app.ts'
import { catalogConsumer, onCategoryChanged, onProductChanged, onProductDeleted } from './catalog/service.ts'
import { loadAnalyticsConfig } from './config.ts'
import { type AnalyticsDeps, schema } from './deps.ts'
import { onOrderEvent, salesConsumer } from './sales/service.ts'
import { maintainPartitions } from './tracking/service.ts'
import { createAnalyticsDeps } from './wiring.ts'

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/analytics', import.meta.url))

/**
 * The analytics service: shoppers' tracked behaviour and the shop's sales facts, rolled up as they arrive, and the
 * reports analysts read from the rollups.
 */
export const analyticsService = defineService({
  name: 'analytics',
  loadConfig: loadAnalyticsConfig,
  database: { schema, migrationsDir },
  deps: ({ config, sql, redis, logger, shared, eventsWritten, requestIP }) =>
    createAnalyticsDeps({
      config,
      sql,
      redis,
      logger,
      eventsWritten,
      sessions: shared.sessions,
      peers: { requestIP },
    }),
  prepare: async (deps, { config, logger, onStop }) => {
    // Partitions for this month and the next two exist before the first event is taken.
    await maintainPartitions(deps)
    const partitions = periodicJob({
      pass: () => maintainPartitions(deps),
      intervalMs: config.ANALYTICS_MAINTENANCE_INTERVAL_MS,
      logger,
      failed: 'tracked events partitions not maintained',
      handled: (count) => [{ count }, 'tracked events partitions and retention applied'],
    })
    partitions.start()
    onStop(() => partitions.stop())
    const { writer, eventIndex } = deps.tracking
    writer.start()
    // Runs first: what is still buffered is written while the database is open.
    onStop(async () => {
      await writer.stop()
      await eventIndex?.idle()
    })
  },
  consumers: (deps) => [
    consumer(salesConsumer, [orderPaid, orderRefunded, orderCancelled], (event) => onOrderEvent(deps, event)),
    consumer(`${catalogConsumer}-products`, [productCreated, productUpdated], (event) =>
      onProductChanged(deps, event),
    ),
    consumer(`${catalogConsumer}-deletions`, [productDeleted], (event) => onProductDeleted(deps, event)),
    consumer(`${catalogConsumer}-categories`, [categoryChanged], (event) => onCategoryChanged(deps, event)),
  ],
  app: (deps, { degradable }) => createApp(deps, degradable),
})

export type RunningAnalyticsService = RunningService<AnalyticsDeps>
export const startAnalyticsService = analyticsService.start

if (import.meta.main) await analyticsService.main()
