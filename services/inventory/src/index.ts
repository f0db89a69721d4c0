#!/usr/bin/env bun
import { fileURLToPath } from 'node:url'
import { productCreated, productUpdated } from '@myshop/events'
import { consumer, defineService, type RunningService } from '@myshop/service-kit'
import { createApp } from './app.ts'
import { loadInventoryConfig } from './config.ts'
import { type InventoryDeps, schema } from './deps.ts'
import { reservationSweeper } from './reservations/sweeper.ts'
import { countNewSkus, newSkusConsumer } from './stock/service.ts'
import { createInventoryDeps } from './wiring.ts'

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/inventory', import.meta.url))

/**
 * The inventory service: stock per SKU and location with its adjustments ledger, and reservations that hold
 * stock for an order until it is paid, released, or expires (a sweeper releases those never committed).
 */
export const inventoryService = defineService({
  name: 'inventory',
  loadConfig: loadInventoryConfig,
  database: { schema, migrationsDir },
  deps: ({ config, sql, redis, logger, shared, eventsWritten }) =>
    createInventoryDeps({ config, sql, redis, logger, eventsWritten, sessions: shared.sessions }),
  prepare: async (deps, { config, onStop }) => {
    const sweeper = reservationSweeper(deps, config.RESERVATION_SWEEP_INTERVAL_MS)
    sweeper.start()
    // Before the database closes: a sweep under way is waited for.
    onStop(() => sweeper.stop())
  },
  consumers: (deps) => [
    // A product's SKUs are counted from the start, with no stock, so their stock can be read and adjusted: those
    // of a new product, and variants added to a product later.
    consumer(newSkusConsumer, [productCreated, productUpdated], (event) => countNewSkus(deps, event)),
  ],
  app: (deps, { degradable }) => createApp(deps, degradable),
})

export type RunningInventoryService = RunningService<InventoryDeps>
export const startInventoryService = inventoryService.start

if (import.meta.main) await inventoryService.main()
