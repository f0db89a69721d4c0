#!/usr/bin/env bun
import { fileURLToPath } from 'node:url'
import { defineService, type RunningService } from '@myshop/service-kit'
import { createApp } from './app.ts'
import { loadOrderConfig } from './config.ts'
import { type OrderDeps, schema } from './deps.ts'
import { createOrderDeps } from './wiring.ts'

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/order', import.meta.url))

/**
 * The order service: carts priced by the product service, checkout as a saga across inventory and payment,
 * orders with their status history, shipping options and tax rates.
 */
export const orderService = defineService({
  name: 'order',
  loadConfig: loadOrderConfig,
  database: { schema, migrationsDir },
  deps: ({ config, sql, redis, logger, shared, eventsWritten }) =>
    createOrderDeps({ config, sql, redis, logger, eventsWritten, sessions: shared.sessions }),
  app: (deps, { degradable }) => createApp(deps, degradable),
})

export type RunningOrderService = RunningService<OrderDeps>
export const startOrderService = orderService.start

if (import.meta.main) await orderService.main()
