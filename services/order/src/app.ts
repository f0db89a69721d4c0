import { ping } from '@myshop/db'
import { createHttpApp, type ReadinessCheck } from '@myshop/http'
import { auditRoutes } from './audit/routes.ts'
import { cartRoutes } from './carts/routes.ts'
import { checkoutRoutes } from './checkout/routes.ts'
import type { OrderDeps } from './deps.ts'
import { orderRoutes } from './orders/routes.ts'
import { orderChangeRoutes, sagaAdminRoutes } from './sagas/routes.ts'
import { shippingRoutes } from './shipping/routes.ts'
import { taxRoutes } from './taxes/routes.ts'

/** The order service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: OrderDeps, degradable: Record<string, ReadinessCheck> = {}) =>
  createHttpApp({
    service: 'order',
    description:
      'Carts, checkout and its saga, orders with their status history, shipping options and tax rates',
    logger: deps.logger,
    readiness: { database: () => ping(deps.sql) },
    degradable,
  })
    .use(cartRoutes(deps))
    .use(checkoutRoutes(deps))
    .use(orderChangeRoutes(deps))
    .use(sagaAdminRoutes(deps))
    .use(orderRoutes(deps))
    .use(auditRoutes(deps))
    .use(shippingRoutes(deps))
    .use(taxRoutes(deps))
