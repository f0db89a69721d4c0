#!/usr/bin/env bun
import { fileURLToPath } from 'node:url'
import { paymentAuthorized, paymentDisputed, paymentFailed } from '@myshop/events'
import { consumer, defineService, type RunningService } from '@myshop/service-kit'
import { createApp } from './app.ts'
import { loadOrderConfig } from './config.ts'
import { type OrderDeps, schema } from './deps.ts'
import { disputesConsumer, onPaymentDisputed } from './orders/service.ts'
import { sagaRecovery } from './sagas/recovery.ts'
import { onPaymentSettled, paymentOutcomesConsumer } from './sagas/service.ts'
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
  prepare: async (deps, { config, onStop }) => {
    // Resumes sagas left mid-way by a crash, retries those due, and times out those awaiting the customer.
    const recovery = sagaRecovery(deps, config.SAGA_RECOVERY_INTERVAL_MS)
    recovery.start()
    onStop(() => recovery.stop())
  },
  consumers: (deps) => [
    // A payment the customer approved or failed (3-D Secure) wakes the checkout waiting for it.
    consumer(paymentOutcomesConsumer, [paymentAuthorized, paymentFailed], (event) =>
      onPaymentSettled(deps, event),
    ),
    // The shopper's bank disputed a payment: the order records it and operators are warned.
    consumer(disputesConsumer, [paymentDisputed], (event) => onPaymentDisputed(deps, event)),
  ],
  app: (deps, { degradable }) => createApp(deps, degradable),
})

export type RunningOrderService = RunningService<OrderDeps>
export const startOrderService = orderService.start

if (import.meta.main) await orderService.main()
