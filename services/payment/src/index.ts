#!/usr/bin/env bun
import { fileURLToPath } from 'node:url'
import { defineService, type RunningService } from '@myshop/service-kit'
import { createApp } from './app.ts'
import { loadPaymentConfig } from './config.ts'
import { type PaymentDeps, schema } from './deps.ts'
import { createPaymentDeps } from './wiring.ts'

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/payment', import.meta.url))

/**
 * The payment service: payments authorized, captured, voided and refunded through a provider, each call kept in an
 * append-only ledger, with the built-in test provider that behaves like a card processor.
 */
export const paymentService = defineService({
  name: 'payment',
  loadConfig: loadPaymentConfig,
  database: { schema, migrationsDir },
  deps: ({ config, sql, redis, logger, shared, eventsWritten }) =>
    createPaymentDeps({ config, sql, redis, logger, eventsWritten, sessions: shared.sessions }),
  app: (deps, { degradable }) => createApp(deps, degradable),
})

export type RunningPaymentService = RunningService<PaymentDeps>
export const startPaymentService = paymentService.start

if (import.meta.main) await paymentService.main()
