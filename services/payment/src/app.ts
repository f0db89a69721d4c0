import { ping } from '@myshop/db'
import { createHttpApp, type ReadinessCheck } from '@myshop/http'
import { auditRoutes } from './audit/routes.ts'
import type { PaymentDeps } from './deps.ts'
import { paymentRoutes } from './payments/routes.ts'
import { testProviderRoutes } from './test-provider/routes.ts'

/** The payment service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: PaymentDeps, degradable: Record<string, ReadinessCheck> = {}) =>
  createHttpApp({
    service: 'payment',
    description:
      'Payments, their ledger of provider calls, refunds, their audit trail, and the built-in test provider',
    logger: deps.logger,
    readiness: { database: () => ping(deps.sql) },
    degradable,
  })
    .use(paymentRoutes(deps))
    .use(testProviderRoutes(deps))
    .use(auditRoutes(deps))
