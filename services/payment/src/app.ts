import { ping } from '@myshop/db'
import { createHttpApp, type ReadinessCheck } from '@myshop/http'
import { auditRoutes } from './audit/routes.ts'
import type { PaymentDeps } from './deps.ts'
import { paymentRoutes, publicPaymentRoutes } from './payments/routes.ts'
import { reconciliationRoutes } from './reconciliation/routes.ts'
import { testProviderRoutes } from './test-provider/routes.ts'
import { webhookRoutes } from './webhooks/routes.ts'

/** The payment service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: PaymentDeps, degradable: Record<string, ReadinessCheck> = {}) =>
  createHttpApp({
    service: 'payment',
    description:
      'Payments through Stripe, PayPal or the built-in test provider, their ledger of provider calls, refunds, disputes, webhooks, reconciliation and audit trail',
    logger: deps.logger,
    readiness: { database: () => ping(deps.sql) },
    degradable,
  })
    .use(publicPaymentRoutes(deps))
    .use(paymentRoutes(deps))
    .use(testProviderRoutes(deps))
    .use(webhookRoutes(deps))
    .use(reconciliationRoutes(deps))
    .use(auditRoutes(deps))
